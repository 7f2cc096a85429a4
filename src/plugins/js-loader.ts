import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { HoduError } from '../errors';
import type { BackendPlugin } from '../sdk/backend';
import type { FormatPlugin } from '../sdk/format';
import * as sdk from '../sdk/index';
import { formatIssues } from './package-manifest';

/** What a JS/TS plugin's default export receives: the host's SDK module (see docs/plugins.md). */
type HoduSdk = typeof sdk;

const fn = v.custom<(...args: unknown[]) => unknown>((x) => typeof x === 'function', 'must be a function');
const optionalFn = v.optional(fn);

// Only the shape hodu relies on; capability details are the author's business (checked by `plugin test`).
const backendShape = v.looseObject({
  name: v.string(),
  version: v.string(),
  capabilities: v.looseObject({ runner: v.boolean(), builder: v.boolean(), devices: v.array(v.string()), priority: v.number() }),
  createSession: fn,
  available: optionalFn,
  unsupportedOps: optionalFn,
});

const formatShape = v.looseObject({
  name: v.string(),
  version: v.string(),
  capabilities: v.looseObject({
    loadModel: v.boolean(),
    saveModel: v.boolean(),
    loadTensors: v.boolean(),
    saveTensors: v.boolean(),
    extensions: v.array(v.string()),
  }),
  loadModel: optionalFn,
  saveModel: optionalFn,
  loadTensors: optionalFn,
  saveTensors: optionalFn,
  sniff: optionalFn,
});

/**
 * Loads a JS/TS plugin module. A compiled hodu cannot share its bundled modules with an `import()`ed
 * file, so the module's default export is a factory that receives the SDK:
 * `export default function (sdk) { return sdk.defineFormatPlugin({...}) }`.
 */
export async function loadJsPlugin(entryPath: string, type: 'backend', expectedName: string): Promise<BackendPlugin>;
export async function loadJsPlugin(entryPath: string, type: 'format', expectedName: string): Promise<FormatPlugin>;
export async function loadJsPlugin(entryPath: string, type: 'backend' | 'format', expectedName: string): Promise<BackendPlugin | FormatPlugin> {
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(entryPath).href);
  } catch (e) {
    throw new HoduError('E_PLUGIN_LOAD', `plugin '${expectedName}': cannot load ${entryPath}: ${e instanceof Error ? e.message : String(e)}`, {
      hint: 'the entry must be a self-contained ES module (bundle its dependencies); check it with `bun build`',
      cause: e,
    });
  }
  if (typeof mod.default !== 'function') {
    throw new HoduError('E_PLUGIN_LOAD', `plugin '${expectedName}': ${entryPath} has no default-exported factory function`, {
      hint: `write \`export default function (sdk) { return sdk.define${type === 'backend' ? 'Backend' : 'Format'}Plugin({...}) }\``,
    });
  }
  let plugin: unknown;
  try {
    plugin = await (mod.default as (s: HoduSdk) => unknown)(sdk);
  } catch (e) {
    if (e instanceof HoduError) throw e;
    throw new HoduError('E_PLUGIN_LOAD', `plugin '${expectedName}': its factory threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const r = v.safeParse(type === 'backend' ? backendShape : formatShape, plugin);
  if (!r.success) {
    throw new HoduError('E_PLUGIN_LOAD', formatIssues(entryPath, `${type} plugin object`, r.issues), {
      hint: `the factory must return sdk.define${type === 'backend' ? 'Backend' : 'Format'}Plugin({ name, version, capabilities, … })`,
    });
  }
  if (r.output.name !== expectedName) {
    throw new HoduError('E_PLUGIN_LOAD', `plugin '${expectedName}': ${entryPath} returns a plugin named '${r.output.name}'`, {
      hint: `set name: '${expectedName}' (the package name) in the plugin object`,
    });
  }
  return plugin as BackendPlugin | FormatPlugin;
}
