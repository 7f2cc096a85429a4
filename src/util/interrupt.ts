/**
 * Ctrl+C safety: code that leaves something half-done on disk while it awaits (a download's temp file,
 * a plugin staging folder) registers how to undo it; the signal handler in src/main.ts runs those
 * cleanups, newest first, and exits 128 + signal number. A second signal exits at once.
 *
 * Synchronous code needs no registration: a JS signal handler only runs between awaits, so a sync
 * write + rename (writeFileAtomic) is never observed half-done by a cleanup.
 */
type Cleanup = () => void | Promise<void>;

const cleanups: Cleanup[] = [];
let interrupted: NodeJS.Signals | undefined;

/** Registers `fn` to run if the process is interrupted; call the returned function once the work is done. */
export function onInterrupt(fn: Cleanup): () => void {
  cleanups.push(fn);
  return () => {
    const i = cleanups.lastIndexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs `work` with `cleanup` registered for its duration (the cleanup is not run on normal completion). */
export async function withInterruptCleanup<T>(cleanup: Cleanup, work: () => Promise<T>): Promise<T> {
  const unregister = onInterrupt(cleanup);
  try {
    return await work();
  } finally {
    unregister();
  }
}

/** The signal being handled, if any (long loops may check it to stop early). */
export function interruptedBy(): NodeJS.Signals | undefined {
  return interrupted;
}

/** How many cleanups are registered (for tests). */
export function pendingCleanups(): number {
  return cleanups.length;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/** 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP: the shell convention 128 + signal number. */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
  return 128 + (SIGNAL_NUMBERS[signal] ?? 2);
}

/**
 * Runs every registered cleanup (newest first; a failing cleanup does not stop the others) and returns
 * the exit code. Exported so that tests can drive it without sending a real signal.
 */
export async function runInterruptCleanups(signal: NodeJS.Signals): Promise<number> {
  interrupted = signal;
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch {
      // Best effort: the process is going away; the next cleanups still deserve their chance.
    }
  }
  return exitCodeForSignal(signal);
}

/**
 * The signal handler: the first signal runs the cleanups then exits; a second one while they run exits
 * immediately (the user asked twice).
 */
export function createInterruptHandler(exit: (code: number) => void): (signal: NodeJS.Signals, fromChild?: boolean) => void {
  let handling = false;
  let echo: NodeJS.Signals | undefined;
  return (signal, fromChild = false) => {
    if (handling) {
      // The copy of a child's signal that reaches hodu itself is the same Ctrl+C, not a second one.
      if (fromChild || signal === echo) return void (echo = undefined);
      return exit(exitCodeForSignal(signal));
    }
    handling = true;
    if (fromChild) echo = signal;
    void runInterruptCleanups(signal).then(
      (code) => exit(code),
      () => exit(exitCodeForSignal(signal)),
    );
  };
}

let installed: ((signal: NodeJS.Signals, fromChild?: boolean) => void) | undefined;

/** The interrupting signal a child (the C compiler) died of (or, through a wrapper script, reported as 130/143), if any. */
export function childInterruptSignal(signalCode: NodeJS.Signals | number | null, exitCode: number): NodeJS.Signals | undefined {
  if (signalCode === 'SIGINT' || exitCode === 130) return 'SIGINT';
  if (signalCode === 'SIGTERM' || exitCode === 143) return 'SIGTERM';
  return undefined;
}

/**
 * A child hodu waits on (the C compiler) died of SIGINT/SIGTERM: the user interrupted. A terminal signals the
 * whole process group, so the child can die and be reported before Bun dispatches hodu's own handler; this
 * handles the interruption now (cleanups, exit 128 + signal) and the later copy of the signal is ignored.
 * False when this process does not handle interrupts (library use): the caller reports a failure instead.
 */
export function interruptedThroughChild(signal: NodeJS.Signals): boolean {
  installed?.(signal, true);
  return installed !== undefined;
}

/**
 * Whether this process handles interrupts (the CLI does; a library user or a test usually does not). Long
 * synchronous work must then leave the main thread free, or the handler cannot run until it ends: the interp
 * backend then computes any run that is not provably short on a worker thread (interp/worker/choose-session.ts).
 */
export function interruptsHandled(): boolean {
  return installed !== undefined;
}

/** Installs the handler for SIGINT, SIGTERM and SIGHUP (src/main.ts, once). */
export function installInterruptHandlers(exit: (code: number) => void = process.exit): void {
  const handler = createInterruptHandler(exit);
  installed = handler;
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, (signal) => handler(signal));
}
