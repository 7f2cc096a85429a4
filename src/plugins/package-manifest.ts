import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import * as v from 'valibot';
import { HoduError } from '../errors';
import { ALL_DTYPES } from '../ir/dtype';
import { isValidSdkRange } from './sdk-compat';

/** `name` of an npm-style package, restricted to what is also a safe folder name: `demo`, `@acme/fast-cpu`. */
export const PLUGIN_NAME_RE = /^(@[a-z0-9][a-z0-9-]*\/)?[a-z0-9][a-z0-9-]*$/;

const nameSchema = v.pipe(
  v.string('the package name must be a string'),
  v.regex(PLUGIN_NAME_RE, 'a plugin name is lowercase letters, digits and dashes, optionally scoped (@scope/name)'),
  v.maxLength(100, 'a plugin name is at most 100 characters'),
);

/** A path inside the package: relative, no `..` (a plugin cannot make hodu read or write outside its folder). */
const relativeFile = v.pipe(
  v.string(),
  v.minLength(1, 'an empty path'),
  v.check((p) => !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..'), 'must be a relative path inside the package (no `..`)'),
  // `.`, `src/`, `a/..` name a folder, never the file hodu is asked to load or compile.
  v.check((p) => normalize(p) !== '.' && !/[\\/]$/.test(p), 'must name a file inside the package, not a folder'),
);

const hexMagic = v.pipe(v.string(), v.regex(/^([0-9a-fA-F]{2})+$/, 'magic bytes are written as hex, e.g. "934e554d5059"'));

export const backendCapabilitiesSchema = v.strictObject({
  runner: v.boolean(),
  builder: v.boolean(),
  devices: v.pipe(v.array(v.string()), v.minLength(1, 'list at least one device, e.g. ["cpu"]')),
  priority: v.pipe(v.number(), v.integer()),
  ops: v.optional(v.array(v.string())),
  dtypes: v.optional(v.array(v.picklist(ALL_DTYPES, `a dtype is one of ${ALL_DTYPES.join(', ')}`))),
});

export const formatCapabilitiesSchema = v.strictObject({
  loadModel: v.boolean(),
  saveModel: v.boolean(),
  loadTensors: v.boolean(),
  saveTensors: v.boolean(),
  extensions: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^\.[a-z0-9._-]+$/, 'an extension is lower-case with the dot, e.g. ".hdt"'))),
    v.minLength(1, 'list at least one file extension, e.g. [".hdt"]'),
  ),
  magic: v.optional(v.array(hexMagic)),
});

const nativeSchema = v.strictObject({
  sources: v.pipe(v.array(relativeFile), v.minLength(1, 'list at least one C source file')),
  cflags: v.optional(v.array(v.string())),
  ldflags: v.optional(v.array(v.string())),
  library: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]+$/, 'the library is a plain file name such as "libdemo.so"')),
});

const common = {
  sdk: v.pipe(v.string(), v.check(isValidSdkRange, 'not a semver range (e.g. "^0.1.0")')),
  entry: v.optional(relativeFile),
  native: v.optional(nativeSchema),
  requires: v.optional(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9._+-]+$/, 'a tool is a command name such as "cc"')))),
};

const hoduSection = v.pipe(
  v.variant(
    'type',
    [
      v.strictObject({ type: v.literal('backend'), ...common, capabilities: backendCapabilitiesSchema }),
      v.strictObject({ type: v.literal('format'), ...common, capabilities: formatCapabilitiesSchema }),
    ],
    'type must be "backend" or "format"',
  ),
  v.check((h) => (h.entry === undefined) !== (h.native === undefined), 'give exactly one of "entry" (a JS/TS module) or "native" (C sources)'),
);

const packageSchema = v.looseObject({
  name: nameSchema,
  version: v.pipe(v.string('the package needs a "version"'), v.regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'a semver version such as "0.1.0"')),
  description: v.optional(v.string()),
  hodu: v.looseObject({}, 'the package.json has no "hodu" section, so it is not a hodu plugin'),
});

export type HoduSection = v.InferOutput<typeof hoduSection>;

/** A validated plugin package: the package.json fields hodu uses. */
export interface PluginPackage {
  name: string;
  version: string;
  description?: string;
  hodu: HoduSection;
  /** The package.json it was read from (for messages). */
  file: string;
}

/** Turns valibot issues into one message that names the file and each dotted path. */
export function formatIssues(file: string, what: string, issues: readonly v.BaseIssue<unknown>[]): string {
  const lines = issues.slice(0, 8).map((i) => `  ${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  if (issues.length > 8) lines.push(`  … and ${issues.length - 8} more`);
  return `${file}: invalid ${what}:\n${lines.join('\n')}`;
}

/** Validates a parsed package.json; throws E_PLUGIN_MANIFEST naming the file and the dotted paths. */
export function parsePluginPackage(json: unknown, file: string): PluginPackage {
  const hint = 'see the `hodu` section reference in docs/plugins.md (or run `hodu plugin new NAME` for a working example)';
  if (json && typeof json === 'object' && !('hodu' in json)) {
    throw new HoduError('E_PLUGIN_MANIFEST', `${file}: no "hodu" section, so this package is not a hodu plugin`, { hint });
  }
  const pkg = v.safeParse(packageSchema, json);
  if (!pkg.success) throw new HoduError('E_PLUGIN_MANIFEST', formatIssues(file, 'plugin manifest', pkg.issues), { hint });
  const section = v.safeParse(hoduSection, pkg.output.hodu);
  if (!section.success) {
    // Paths are relative to the section; prefix them so they read as in the file.
    const msg = section.issues.slice(0, 8).map((i) => `  hodu${v.getDotPath(i) ? '.' + v.getDotPath(i) : ''}: ${i.message}`);
    throw new HoduError('E_PLUGIN_MANIFEST', `${file}: invalid plugin manifest:\n${msg.join('\n')}`, { hint });
  }
  return { name: pkg.output.name, version: pkg.output.version, description: pkg.output.description, hodu: section.output, file };
}

/** Reads and validates `<dir>/package.json`. */
export function readPluginPackage(dir: string): PluginPackage {
  const file = join(dir, 'package.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new HoduError('E_PLUGIN_MANIFEST', `${file}: no package.json, so ${dir} is not a plugin package`, {
        hint: 'pass the folder that holds the plugin package.json (`hodu plugin new NAME` creates one)',
      });
    }
    throw new HoduError('E_IO', `${file}: cannot read (${code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new HoduError('E_PLUGIN_MANIFEST', `${file}: not valid JSON (${(e as Error).message})`, { hint: 'fix the JSON syntax' });
  }
  return parsePluginPackage(json, file);
}

/** Magic bytes from the manifest's hex strings. */
export function decodeMagic(hex: readonly string[] | undefined): Uint8Array[] | undefined {
  return hex?.map((h) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16))));
}
