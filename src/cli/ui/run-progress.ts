/**
 * The live line of a long `hodu run` on a terminal: the phase (load, plan, run), node i of N when the backend
 * reports it (the interp; a native backend in a child process reports nothing while it computes, so its line
 * shows the phase and the time only), and the elapsed time. It appears once the run has taken a second,
 * is redrawn at most ten times a second, and is erased before anything else is printed. Never on a pipe, with
 * --json, in CI or on TERM=dumb. (src/cli/ui/progress.ts is the task list of update and install.)
 */
import { onInterrupt } from '../../util/interrupt';

type RunPhase = 'load' | 'plan' | 'run';

interface RunProgressState {
  phase: RunPhase;
  /** Nodes of the main graph done, and their count, when the backend reports them. */
  node?: { done: number; total: number };
  elapsedMs: number;
}

/** The line for a state, cut to `columns` (a wrapped line could not be erased with one carriage return). */
export function renderRunProgress(s: RunProgressState, columns = 80): string {
  const parts: string[] = [s.phase];
  if (s.node && s.phase === 'run') parts.push(`node ${s.node.done}/${s.node.total}`);
  parts.push(`${(s.elapsedMs / 1000).toFixed(1)}s`);
  const line = parts.join('  ');
  return line.length < columns ? line : line.slice(0, Math.max(0, columns - 1));
}

/** Whether this process may draw the line: stderr is a terminal, the output is not --json, not CI, not TERM=dumb. */
export function runProgressWanted(opts: { json: boolean }, env: NodeJS.ProcessEnv = process.env, stderr: { isTTY?: boolean } = process.stderr): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return Boolean(stderr.isTTY) && !opts.json && !ci && env.TERM !== 'dumb';
}

export interface RunProgress {
  phase(p: RunPhase): void;
  node(done: number, total: number): void;
  /** Erases the line (if drawn) and stops; safe to call more than once. */
  stop(): void;
}

const CLEAR = '\r\x1b[2K';

export function startRunProgress(enabled: boolean, opts: { delayMs?: number; everyMs?: number; write?: (s: string) => void; columns?: () => number } = {}): RunProgress {
  const state: RunProgressState = { phase: 'load', elapsedMs: 0 };
  if (!enabled) return { phase: (p) => void (state.phase = p), node: () => {}, stop: () => {} };
  const write = opts.write ?? ((s: string) => void process.stderr.write(s));
  const columns = opts.columns ?? (() => process.stderr.columns || 80);
  const started = performance.now();
  let drawn = '';
  const draw = () => {
    state.elapsedMs = performance.now() - started;
    if (state.elapsedMs < (opts.delayMs ?? 1000)) return;
    const line = renderRunProgress(state, columns());
    if (line !== drawn) write(CLEAR + line);
    drawn = line;
  };
  const timer = setInterval(draw, opts.everyMs ?? 100);
  timer.unref?.();
  let stopped = false;
  // Ctrl+C exits from the signal handler: the line is erased first, so the shell prompt starts on a clean line.
  const unregister = onInterrupt(() => stopLine());
  const stopLine = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    if (drawn) write(CLEAR);
  };
  return {
    phase(p) {
      state.phase = p;
      if (p !== 'run') state.node = undefined;
    },
    node(done, total) {
      state.node = { done, total };
    },
    stop() {
      unregister();
      stopLine();
    },
  };
}
