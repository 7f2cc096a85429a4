/**
 * What hodu remembers about an installed plugin beyond its files: disabled by the user, the last
 * `plugin test` result, the last crash. These decide whether a backend may be chosen automatically:
 * a third-party backend runs by default only after it passed `plugin test` on this very library and has
 * not crashed since.
 */
import { HoduError } from '../errors';
import { withPluginsLock } from './lock';
import { pluginNotFound } from './store';
import { readRegistry, writeRegistry, type BackendSupports, type InstalledPluginEntry } from './plugins-json';

/** `ok` plus, from worst to mildest, why a plugin is not used automatically. */
export type PluginState = 'ok' | 'broken' | 'disabled' | 'crashed' | 'failed' | 'untested';

interface StateReport {
  state: PluginState;
  /** Why, in one phrase ("" when ok). */
  detail: string;
  /** The command that fixes or explains it. */
  fix?: string;
  /** Whether `hodu run` may pick it without --backend. */
  auto: boolean;
}

const day = (iso: string) => iso.slice(0, 10);

/** The state of an installed plugin, given its file problems (checkInstalledPlugin). */
export function pluginState(entry: InstalledPluginEntry, problems: string[]): StateReport {
  const name = entry.name;
  if (problems.length) return { state: 'broken', detail: problems.join('; '), fix: `hodu plugin rebuild ${name}`, auto: false };
  if (entry.disabled) return { state: 'disabled', detail: 'disabled with `hodu plugin disable`', fix: `hodu plugin enable ${name}`, auto: false };
  if (entry.crash) {
    return {
      state: 'crashed',
      detail: `crashed with ${entry.crash.signal} ${entry.crash.where} on ${day(entry.crash.at)}; not chosen automatically until it passes \`hodu plugin test\` again`,
      fix: `hodu plugin test ${name}`,
      auto: false,
    };
  }
  if (entry.type === 'backend') {
    const test = entry.test?.checksum === entry.checksum ? entry.test : undefined;
    if (!test) return { state: 'untested', detail: 'has not passed `hodu plugin test`, so it is not chosen automatically', fix: `hodu plugin test ${name}`, auto: false };
    if (!test.passed) return { state: 'failed', detail: `failed \`hodu plugin test\` (${test.summary}; ${day(test.at)}), so it is not chosen automatically`, fix: `hodu plugin test ${name}`, auto: false };
  }
  return { state: 'ok', detail: '', auto: true };
}

/** Read-modify-write of one entry under the plugins lock. */
async function updateEntry(name: string, change: (e: InstalledPluginEntry) => InstalledPluginEntry | undefined): Promise<InstalledPluginEntry> {
  return withPluginsLock(() => {
    const registry = readRegistry();
    const entry = registry.plugins[name];
    if (!entry) throw pluginNotFound(name, registry);
    const next = change(entry);
    if (next && next !== entry) writeRegistry({ ...registry, plugins: { ...registry.plugins, [name]: next } });
    return next ?? entry;
  });
}

/** `hodu plugin disable|enable NAME`. Returns the entry and whether anything changed. */
export async function setPluginDisabled(name: string, disabled: boolean): Promise<{ entry: InstalledPluginEntry; changed: boolean }> {
  let changed = false;
  const entry = await updateEntry(name, (e) => {
    if (Boolean(e.disabled) === disabled) return e;
    changed = true;
    const { disabled: _old, ...rest } = e;
    return disabled ? { ...rest, disabled: true } : rest;
  });
  return { entry, changed };
}

/** Remembers a crash of a run, so `plugin list`/`doctor` show it and automatic selection skips the plugin. */
export async function recordPluginCrash(name: string, crash: { signal: string; where: string }): Promise<void> {
  await updateEntry(name, (e) => ({ ...e, crash: { at: new Date().toISOString(), ...crash } }));
}

/**
 * Remembers a `plugin test` of the installed copy. Ignored when the file changed since (`checksum` is of
 * the file that was tested). A pass clears a recorded crash: the user re-checked the plugin. What the test
 * measured it supports is recorded too (a plugin installed by an older hodu had no such record).
 */
export async function recordPluginTest(name: string, result: { passed: boolean; checksum: string; summary: string; supports?: BackendSupports }): Promise<void> {
  const { supports, ...test } = result;
  await updateEntry(name, (e) => {
    if (e.checksum !== test.checksum) return e;
    const { crash, ...rest } = e;
    const measured = e.type === 'backend' && supports ? { supports } : {};
    return { ...rest, ...measured, ...(test.passed || !crash ? {} : { crash }), test: { at: new Date().toISOString(), ...test } };
  });
}

/** E_PLUGIN_DISABLED for `--backend NAME` of a disabled plugin. */
export function pluginDisabled(name: string): HoduError {
  return new HoduError('E_PLUGIN_DISABLED', `plugin '${name}' is disabled`, { hint: `enable it with \`hodu plugin enable ${name}\`, or pick another backend` });
}
