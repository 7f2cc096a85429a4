import { existsSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { HoduError } from '../errors';
import { writeFileAtomic } from '../util/atomic-write';
import { backendCapabilitiesSchema, formatCapabilitiesSchema, formatIssues, PLUGIN_NAME_RE } from './package-manifest';
import { pluginsFile } from '../home';

/**
 * Schema version of plugins.json. Bump it (and migrate on read) when the shape changes.
 * 2 added the optional `disabled`, `test` and `crash` fields; 3 the optional `supports` of backends. An
 * older file reads as is (a backend without `supports` is loaded to learn its ops; see backend-candidates.ts).
 */
const REGISTRY_VERSION = 3;
const READABLE_VERSIONS = [1, 2, 3] as const;

const common = {
  name: v.pipe(v.string(), v.regex(PLUGIN_NAME_RE)),
  version: v.string(),
  source: v.strictObject({ kind: v.literal('path'), path: v.string() }),
  /** The install folder, `$HODU_HOME/plugins/<name>`. */
  path: v.string(),
  sdk: v.string(),
  installedAt: v.pipe(v.string(), v.isoTimestamp()),
  build: v.picklist(['release', 'debug']),
  /** `sha256-<base64>` of the library (native) or entry file (JS), checked by `plugin list`. */
  checksum: v.pipe(v.string(), v.regex(/^sha256-[A-Za-z0-9+/]+=*$/)),
  library: v.optional(v.string()),
  entry: v.optional(v.string()),
  /** `hodu plugin disable NAME`: never chosen automatically, refused by --backend until enabled. */
  disabled: v.optional(v.boolean()),
  /** The last `hodu plugin test` of the installed copy (run at install); `checksum` is of the file it tested. */
  test: v.optional(v.strictObject({ at: v.pipe(v.string(), v.isoTimestamp()), passed: v.boolean(), checksum: v.string(), summary: v.string() })),
  /** The last crash of a run (signal and where), until a passing `plugin test` or a reinstall clears it. */
  crash: v.optional(v.strictObject({ at: v.pipe(v.string(), v.isoTimestamp()), signal: v.string(), where: v.string() })),
};

/**
 * What the installed copy of a backend runs, measured when it was installed, rebuilt or `plugin test`ed:
 * a native library's kernel names (op and dtypes in one, see sdk/kernel-names.ts), a JS plugin's op list
 * when it declares one. Automatic selection skips a backend that lacks an op of the model without loading it.
 */
const supportsSchema = v.strictObject({ kernels: v.optional(v.array(v.string())), ops: v.optional(v.array(v.string())) });

const entrySchema = v.variant('type', [
  v.strictObject({ type: v.literal('backend'), ...common, capabilities: backendCapabilitiesSchema, supports: v.optional(supportsSchema) }),
  v.strictObject({ type: v.literal('format'), ...common, capabilities: formatCapabilitiesSchema }),
]);

const registrySchema = v.pipe(
  v.strictObject({
    version: v.picklist(READABLE_VERSIONS, `unknown plugins.json version (this hodu reads versions ${READABLE_VERSIONS.join(', ')})`),
    plugins: v.record(v.string(), entrySchema),
  }),
  v.check((r) => Object.entries(r.plugins).every(([k, p]) => k === p.name), 'each key of "plugins" must equal its "name"'),
);

export type InstalledPluginEntry = v.InferOutput<typeof entrySchema>;
export type BackendSupports = v.InferOutput<typeof supportsSchema>;
export interface PluginRegistry {
  version: (typeof READABLE_VERSIONS)[number];
  plugins: Record<string, InstalledPluginEntry>;
}

export function emptyRegistry(): PluginRegistry {
  return { version: REGISTRY_VERSION, plugins: {} };
}

export function backupFile(file: string = pluginsFile()): string {
  return `${file}.bak`;
}

function corrupt(file: string, problem: string): HoduError {
  const bak = backupFile(file);
  let hint: string;
  if (existsSync(bak) && tryParse(readFileSync(bak, 'utf8')).ok) {
    hint = `restore the last good copy with \`cp ${bak} ${file}\` (it holds the state before the last change)`;
  } else {
    hint = `move it aside (\`mv ${file} ${file}.broken\`) and reinstall your plugins with \`hodu plugin install --path DIR --force\``;
  }
  return new HoduError('E_REGISTRY_CORRUPT', `${file} is corrupt: ${problem}; hodu does not reset it on its own`, { hint });
}

function tryParse(text: string): { ok: true; registry: PluginRegistry } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `not valid JSON (${(e as Error).message})` };
  }
  const r = v.safeParse(registrySchema, json);
  if (!r.success) return { ok: false, problem: formatIssues('plugins.json', 'content', r.issues).replace(/^plugins\.json: invalid content:\n/, '').replace(/\n\s*/g, '; ').trim() };
  return { ok: true, registry: r.output as PluginRegistry };
}

/** Parses registry text; throws E_REGISTRY_CORRUPT naming `file`, the problem and how to recover. */
export function parseRegistry(text: string, file: string): PluginRegistry {
  const r = tryParse(text);
  if (!r.ok) throw corrupt(file, r.problem);
  return r.registry;
}

/** Reads and validates plugins.json; a missing file is an empty registry, a corrupt one an error. */
export function readRegistry(file: string = pluginsFile()): PluginRegistry {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyRegistry();
    throw new HoduError('E_IO', `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseRegistry(text, file);
}

/** JSON with object keys sorted at every level, so the file diffs cleanly and is byte-stable. */
export function stableStringify(value: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x && typeof x === 'object') {
      return Object.fromEntries(Object.keys(x).sort().filter((k) => (x as Record<string, unknown>)[k] !== undefined).map((k) => [k, sort((x as Record<string, unknown>)[k])]));
    }
    return x;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

/** Always written as the current version (an older file is upgraded on its first change). */
export function serializeRegistry(registry: PluginRegistry): string {
  return stableStringify({ ...registry, version: REGISTRY_VERSION });
}

/**
 * Writes plugins.json atomically (call it under `withPluginsLock`). The previous file is kept as
 * plugins.json.bak so a bad edit can be undone by hand.
 */
export function writeRegistry(registry: PluginRegistry, file: string = pluginsFile()): void {
  const text = serializeRegistry(registry);
  // Never write something this hodu would refuse to read back.
  parseRegistry(text, file);
  if (existsSync(file)) writeFileAtomic(backupFile(file), readFileSync(file));
  writeFileAtomic(file, text);
}
