/**
 * Every installed plugin is intact, has a compatible SDK, and (native ones) loads in an isolated child; a
 * plugin that is disabled, crashed or has not passed `plugin test` is a warning naming the fix.
 */
import { join } from 'node:path';
import type { CheckOutcome, DoctorCheck } from './types';

export const pluginsCheck: DoctorCheck = {
  id: 'plugins',
  title: 'plugins',
  timeoutMs: 20_000,
  async run() {
    const { listInstalledPlugins } = await import('../plugins/installed');
    let plugins: ReturnType<typeof listInstalledPlugins>;
    try {
      plugins = listInstalledPlugins();
    } catch (e) {
      return { status: 'error', detail: e instanceof Error ? e.message : String(e), hint: (e as { hint?: string }).hint ?? 'run `hodu plugin list` for details' };
    }
    if (plugins.length === 0) return { status: 'ok', detail: 'no plugins installed' };
    return Promise.all(
      plugins.map(async (p): Promise<CheckOutcome> => {
        const title = `plugin ${p.name}`;
        const rebuild = `run \`hodu plugin rebuild ${p.name}\` or reinstall it (\`hodu plugin install … --force\`)`;
        if (p.status !== 'ok') return { title, status: 'error', detail: p.problems.join('; '), hint: rebuild };
        // Loads, but hodu will not pick it on its own: disabled, crashed, failed or never passed `plugin test`.
        if (p.state !== 'ok') return { title, status: 'warn', detail: p.stateDetail, hint: p.fix };
        if (p.library) {
          try {
            const { nativeLoader } = await import('../plugins/native-bridge');
            const native = await nativeLoader();
            await native.probeIsolated(join(p.path, p.library), { name: p.name, timeoutMs: 10_000 });
          } catch (e) {
            return { title, status: 'error', detail: `${p.library} does not load: ${e instanceof Error ? e.message : String(e)}`, hint: rebuild };
          }
        }
        // Works, but every `hodu run` loads it to learn its ops: an entry from before they were recorded.
        if (p.notes.length) return { title, status: 'warn', detail: p.notes.join('; '), hint: `run \`hodu plugin test ${p.name}\`` };
        return { title, status: 'ok', detail: `${p.type} ${p.version}, SDK ${p.sdk}${p.library ? ', native library loads' : ''}` };
      }),
    );
  },
};
