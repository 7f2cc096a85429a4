/**
 * A stand-in native backend for the partition tests: it "has" the kernels it is given, runs every sub-model it
 * is handed on the interp's Executor (so outputs are the interp's), and records what it was asked to create and
 * run. `sync`: its sessions also run synchronously (as an in-process plugin's do), which If/Loop bodies need.
 */
import { Executor } from '../../../src/backends/interp/executor';
import type { Model } from '../../../src/ir/graph';
import type { BackendPlugin, RuntimeValue } from '../../../src/sdk/backend';

export function fakeNative(kernels: string[], sync = true): { backend: BackendPlugin & { kernels: string[] }; ran: string[][]; created: Model[] } {
  const ran: string[][] = [];
  const created: Model[] = [];
  const backend = {
    name: 'fake',
    version: '0',
    capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 1 },
    kernels,
    createSession(model: Model) {
      created.push(model);
      const runSync = (feeds: Map<string, RuntimeValue>) => {
        ran.push(model.graph.nodes.map((n) => n.op));
        return new Executor(model).run(feeds);
      };
      return { run: async (feeds: Map<string, RuntimeValue>) => runSync(feeds), ...(sync ? { runSync } : {}) };
    },
  };
  return { backend, ran, created };
}
