/**
 * Notes printed on stderr before `hodu run --benchmark` measures a native backend, so its numbers are not
 * misread: whether every run crosses into a child process (isolation). Which native backend runs follows the registry (src/backends/registry.ts): `--backend NAME`
 * means an installed package of that name, which shadows an embedded backend; automatic selection keeps the
 * embedded one. Installed native plugins run isolated unless --no-isolate; the embedded cpu in-process unless
 * --isolate.
 */
import { EMBEDDED_BACKENDS } from '../../embedded-plugins';

interface NativeFacts {
  /** The backend selection chose. */
  backend: string;
  /** The backend named by --backend/env/config, if any. */
  requested?: string;
  /** --isolate / --no-isolate; undefined when not given. */
  isolate?: boolean;
  /** An installed plugin of that name is a native library. */
  installedNative: boolean;
}

export function benchmarkNotes(f: NativeFacts): string[] {
  const embeddedNative = f.backend !== 'interp' && (EMBEDDED_BACKENDS as readonly string[]).includes(f.backend);
  const installed = f.installedNative && (f.requested === f.backend || !embeddedNative);
  if (!installed && !embeddedNative) return [];
  const notes: string[] = [];
  const isolated = installed ? f.isolate !== false : f.isolate === true;
  if (isolated) {
    const why = installed ? 'the default for an installed plugin' : '--isolate';
    notes.push(`note: '${f.backend}' runs isolated (${why}): each run of its partitions starts a child process and copies inputs and outputs, and the latency includes that${installed ? '; add --no-isolate to time the plugin alone' : ''}`);
  }
  return notes;
}

export async function installedNativePlugin(name: string): Promise<boolean> {
  const { installedPluginState } = await import('../../plugins/installed');
  return Boolean(installedPluginState(name)?.library);
}
