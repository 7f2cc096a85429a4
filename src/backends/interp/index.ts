import { ALL_DTYPES } from '../../ir/dtype';
import type { Graph, Model } from '../../ir/graph';
import { opId } from '../../ir/op-id';
import { subgraphsOf } from '../../ir/subgraphs';
import { defineBackendPlugin, type BackendSession, type NodeTiming, type SessionOptions } from '../../sdk/backend';
import { VERSION } from '../../version';
import { INTERP_DESCRIPTOR } from './descriptor';
import { Executor } from './executor';
import { interpNodeTiming } from './node-timing';
import { getKernel, kernelOps } from './kernel-registry';
import { setThreads } from './parallel/worker-pool';
import { createChoosingSession } from './worker/choose-session';
import { interruptsHandled } from '../../util/interrupt';

function collectUnsupported(g: Graph, out: Set<string>): void {
  for (const n of g.nodes) {
    if (!getKernel(n.op, n.domain)) out.add(opId(n.domain, n.op));
    for (const s of subgraphsOf(n)) collectUnsupported(s, out);
  }
}

/** The embedded reference backend: plain TypeScript kernels over TypedArrays, every op, dynamic shapes. */
export default defineBackendPlugin({
  name: INTERP_DESCRIPTOR.name,
  version: VERSION,
  capabilities: {
    runner: true,
    builder: false,
    devices: [...INTERP_DESCRIPTOR.devices],
    priority: INTERP_DESCRIPTOR.priority,
    get ops() {
      return kernelOps();
    },
    dtypes: [...ALL_DTYPES],
  },
  available: () => ({ ok: true }),
  unsupportedOps(model: Model) {
    const out = new Set<string>();
    collectUnsupported(model.graph, out);
    return [...out].sort();
  },
  createSession(model: Model, options) {
    // 0 (the CLI default) means one thread: on small machines workers cost more than they give (see test/bench/).
    const threads = options?.threads || 1;
    const profile = options?.profile ?? false;
    const onNodeProgress = options?.onNodeProgress;
    // In the CLI a long run computes off the main thread so that Ctrl+C stops it at once (choose-session.ts).
    if (interruptsHandled()) return createChoosingSession(model, { threads, profile, onNodeProgress }, () => inThreadSession(model, threads, profile, onNodeProgress));
    return inThreadSession(model, threads, profile, onNodeProgress);
  },
});

function inThreadSession(model: Model, threads: number, profile: boolean, onNodeProgress?: SessionOptions['onNodeProgress']): BackendSession {
  setThreads(threads);
  let timings: NodeTiming[] = [];
  const executor = new Executor(model, { ...(profile ? { onNodeDone: (node, ms, d) => timings.push(interpNodeTiming(node, ms, d)) } : {}), onNodeProgress });
  return {
    async run(feeds) {
      timings = [];
      return executor.run(feeds);
    },
    profile: () => timings,
  };
}
