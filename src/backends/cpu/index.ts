/**
 * The embedded cpu backend: plugins/backend-cpu built into the binary (scripts/embedded-cpu.ts). Loading it
 * touches nothing; the first time selection asks whether it is available, its library is written under
 * $HODU_HOME (materialize.ts), probed and, being shipped with hodu and trusted, dlopened in this process
 * (no child per run; `--isolate` still runs its sessions in a child). Anything that stops it (running from
 * source, no writable $HODU_HOME, a tampered file, another CPU) makes it unavailable with the reason, and
 * selection moves on to interp.
 */
import { HoduError } from '../../errors';
import { hoduHome } from '../../home';
import type { BackendPlugin, BackendSession } from '../../sdk/backend';
import type { Model } from '../../ir/graph';
import type { NativePluginInfo } from '../../plugins/native-bridge';
import { EMBEDDED_CPU_BUILD, type EmbeddedCpuBuild } from '../../embedded-plugins';
import { CPU_DESCRIPTOR } from './descriptor';


type Ready = { ok: true; path: string; info: NativePluginInfo; wrote?: string } | { ok: false; reason: string };

async function prepare(build: EmbeddedCpuBuild | undefined): Promise<Ready> {
  if (!build) return { ok: false, reason: 'no cpu backend library is built into this hodu (running from source, or a platform it is not built for)' };
  const { hostArch } = await import('../../plugins/native/arch');
  if (build.arch !== hostArch()) return { ok: false, reason: `its library is built for ${build.arch}, this machine is ${hostArch()}` };
  try {
    const { embeddedLibraryPath, materializeLibrary } = await import('./materialize');
    const { embeddedLibraryBytes } = await import('./embedded-library');
    const lib = materializeLibrary(embeddedLibraryPath(hoduHome(), build), build.sha256, embeddedLibraryBytes);
    const { probeNativeLibrary } = await import('../../plugins/native/probe');
    return { ok: true, path: lib.path, info: probeNativeLibrary(lib.path, CPU_DESCRIPTOR.name), wrote: lib.wrote };
  } catch (e) {
    return { ok: false, reason: `its library cannot be used: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Runs at least this long give a signal that arrived during them its turn before returning. */
const SIGNAL_CHECK_MS = 20;

/**
 * An in-process native run holds the main thread, so Ctrl+C/SIGTERM is only handled once it returns (use
 * --isolate to stop mid-run). Before handing outputs on (to be written), a long run yields once to the event
 * loop so that a signal that came in meanwhile runs its handler, and a run being interrupted never returns:
 * the handler exits 130/143 with no output written.
 */
function afterSignals(session: BackendSession & { runBorrowed?: BackendSession['run'] }): BackendSession {
  const guarded = (run: BackendSession['run']): BackendSession['run'] => async (feeds) => {
    const start = performance.now();
    const outputs = await run(feeds);
    if (performance.now() - start >= SIGNAL_CHECK_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      const { interruptedBy } = await import('../../util/interrupt');
      if (interruptedBy()) return new Promise<never>(() => {});
    }
    return outputs;
  };
  return {
    ...session,
    run: guarded((feeds) => session.run(feeds)),
    ...(session.runBorrowed ? { runBorrowed: guarded(session.runBorrowed) } : {}),
    prepare: session.prepare?.bind(session),
    profile: session.profile?.bind(session),
    dispose: session.dispose?.bind(session),
  };
}

/**
 * The embedded cpu backend as a BackendPlugin. `prepare` runs once, before selection judges it (`available`);
 * a session created without it having succeeded throws E_PLUGIN_LOAD with the reason. Sessions are created
 * synchronously (If/Loop bodies are partitioned only with a session at hand: src/runtime/partition/bodies.ts).
 */
export async function loadEmbeddedCpu(opts: { isolate?: boolean } = {}, build = EMBEDDED_CPU_BUILD): Promise<BackendPlugin> {
  const ready = await prepare(build);
  let native: BackendPlugin | undefined;
  if (ready.ok) {
    const { loadNativeBackend } = await import('../../plugins/native/backend');
    native = loadNativeBackend(ready.path, ready.info, {
      isolate: opts.isolate === true,
      capabilities: { priority: CPU_DESCRIPTOR.priority, ops: build?.ops, dtypes: build?.dtypes as never },
      // `hodu build`: plugins/backend-cpu's sources as the kernel library (build-recipe.ts).
      library: async () => (await import('./build-recipe')).cpuLibrary(),
    });
  }
  const { nativeUnsupportedOps } = await import('../../plugins/native/kernel-fit');
  const plugin: BackendPlugin = {
    name: CPU_DESCRIPTOR.name,
    version: build?.version ?? 'unavailable',
    capabilities: { runner: true, builder: true, devices: [...CPU_DESCRIPTOR.devices], priority: CPU_DESCRIPTOR.priority, ops: build?.ops, dtypes: build?.dtypes as never },
    available: () => (ready.ok ? { ok: true } : { ok: false, reason: ready.reason }),
    unsupportedOps: (model: Model) => (ready.ok ? nativeUnsupportedOps(model, ready.info.kernels) : []),
    // With its kernel list, a model it runs only in part is split with the interp (src/runtime/partition/).
    kernels: ready.ok ? ready.info.kernels : undefined,
    createSession(model, sessionOpts) {
      if (!native) throw new HoduError('E_PLUGIN_LOAD', `the embedded cpu backend is unavailable: ${ready.ok ? 'not loaded' : ready.reason}`, { hint: 'run with --backend interp' });
      const session = native.createSession(model, sessionOpts);
      return session instanceof Promise ? session.then(afterSignals) : afterSignals(session);
    },
    // `hodu build`: the library's ABI-3 entry writes the model's steps (native.build); a library without it
    // still builds, its create() binding kernels by name.
    build: native?.build ?? (async (request) => (await import('./build-recipe')).cpuBuildRecipe(request)),
  };
  return plugin;
}
