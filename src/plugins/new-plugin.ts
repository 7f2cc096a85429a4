import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HoduError } from '../errors';
import { checkWritableDir } from '../util/check-writable';
import { writeFileAtomic } from '../util/atomic-write';
import { SDK_VERSION } from '../version';
import { EMBEDDED_PLUGIN_NAMES } from '../embedded-plugins';
import { nativeEmbeddedFiles } from './native-bridge';
import { PLUGIN_NAME_RE } from './package-manifest';

type PluginLang = 'c' | 'ts';

interface NewPluginOptions {
  type: 'backend' | 'format';
  lang: PluginLang;
  /** Target folder (default: `./<name without scope>`). */
  dir?: string;
}

/**
 * Fills the template placeholders: __NAME__ (package name), __BASENAME__ (without scope), __IDENT__ (a C
 * identifier), __SDK_RANGE__ (`^` this hodu's SDK version).
 */
export function fillTemplate(text: string, name: string): string {
  const base = name.split('/').pop()!;
  return text
    // A library file name cannot hold a scope's '@' and '/'.
    .replaceAll('lib__NAME__', 'lib__IDENT__')
    .replaceAll('__NAME__', name)
    .replaceAll('__BASENAME__', base)
    .replaceAll('__IDENT__', base.replace(/[^a-z0-9]/g, '_'))
    .replaceAll('__SDK_RANGE__', `^${SDK_VERSION}`);
}

async function templateFiles(type: 'backend' | 'format', lang: PluginLang): Promise<Record<string, string>> {
  if (lang === 'c') {
    if (type !== 'backend') throw new HoduError('E_USAGE', 'there is no C template for format plugins', { hint: 'use --lang ts' });
    return (await nativeEmbeddedFiles()).templateBackendC;
  }
  const t = await import('./ts-templates');
  return type === 'backend' ? t.templateBackendTs : t.templateFormatTs;
}

/** `hodu plugin new`: writes a template that installs as is. Refuses a non-empty target folder. */
export async function createPluginFromTemplate(name: string, opts: NewPluginOptions): Promise<{ dir: string; files: string[] }> {
  if (!PLUGIN_NAME_RE.test(name)) {
    throw new HoduError('E_USAGE', `'${name}' is not a valid plugin name`, { hint: 'use lowercase letters, digits and dashes, optionally scoped: demo, @acme/fast-cpu' });
  }
  if (EMBEDDED_PLUGIN_NAMES.includes(name)) {
    throw new HoduError('E_USAGE', `'${name}' is the name of a plugin built into hodu`, { hint: 'pick another name' });
  }
  const dir = resolve(opts.dir ?? name.split('/').pop()!);
  checkWritableDir(dir); // a file given as --dir is an E_IO naming it, not a crash in readdirSync
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new HoduError('E_EXISTS', `${dir} already exists and is not empty`, { hint: 'pass --dir with a new folder, or remove it' });
  }
  const files = await templateFiles(opts.type, opts.lang);
  const written: string[] = [];
  for (const [rel, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(dir, fillTemplate(rel, name));
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, fillTemplate(text, name));
    written.push(fillTemplate(rel, name));
  }
  return { dir, files: written };
}
