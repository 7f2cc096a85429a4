/**
 * The interp session the CLI gets: on its first run it picks the main thread for a run that is surely short
 * (quick-run.ts) and the executor worker for anything else (worker-session.ts), so that Ctrl+C stops a long
 * run at once without making every small run pay for starting the worker.
 */
import type { Model } from '../../../ir/graph';
import type { BackendSession } from '../../../sdk/backend';
import { isQuickRun } from './quick-run';
import { createWorkerSession } from './worker-session';

export function createChoosingSession(model: Model, options: { threads: number; profile: boolean; onNodeProgress?: (done: number, total: number) => void }, inThread: () => BackendSession): BackendSession {
  let chosen: BackendSession | undefined;
  return {
    async run(feeds) {
      chosen ??= (await isQuickRun(model, feeds)) ? inThread() : createWorkerSession(model, options);
      return chosen.run(feeds);
    },
    profile: () => chosen?.profile?.() ?? [],
    dispose: () => chosen?.dispose?.(),
  };
}
