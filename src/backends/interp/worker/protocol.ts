/** Messages between the main thread and the interp executor worker (see worker-session.ts). */
import type { ErrorNode } from '../../../errors';
import type { Model } from '../../../ir/graph';
import type { NodeTiming, RuntimeValue } from '../../../sdk/backend';

export type ToWorker =
  | { type: 'open'; session: number; model: Model; threads: number; profile: boolean; progress?: boolean }
  | { type: 'run'; session: number; run: number; feeds: Map<string, RuntimeValue> }
  | { type: 'close'; session: number };

/** An error as it crosses the thread boundary (a HoduError keeps its code, hint, exit code and node). */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  hint?: string;
  exitCode?: number;
  node?: ErrorNode;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; run: number; outputs: Map<string, RuntimeValue>; timings: NodeTiming[] }
  | { type: 'failed'; run: number; error: WireError }
  /** Nodes of the main graph done so far (sessions opened with `progress`; at most every PROGRESS_EVERY_MS). */
  | { type: 'progress'; run: number; done: number; total: number };

/** How often the worker reports progress: a live line needs no more than 10 updates a second. */
export const PROGRESS_EVERY_MS = 100;
