import { DefaultRenderer, Listr, ListrLogger, ProcessOutput } from 'listr2';
import { onInterrupt } from '../../util/interrupt';
import { formatTransfer, type TaskHandle } from './progress-types';

/**
 * listr2 falls back to its line renderer (on stdout) whenever *stdout* is not a TTY; hodu renders on stderr
 * and has already checked that stderr is a terminal, so `hodu self-update --json > out.json` still animates.
 */
class StderrRenderer extends DefaultRenderer {
  static override nonTTY = true;
}

/**
 * One listr2 task on stderr. listr2 writes to stdout and installs its own SIGINT handler (exit 127) by
 * default; both are turned off here: stdout is for results, and Ctrl+C belongs to src/util/interrupt.ts.
 */
export async function listrTask<T>(title: string, fn: (t: TaskHandle) => Promise<T>): Promise<T> {
  let result: T | undefined;
  // Ctrl+C mid-render: the default renderer hid the cursor; give it back before the process exits.
  const unregister = onInterrupt(() => {
    process.stderr.write('\x1b[?25h\n');
  });
  const processOutput = new ProcessOutput(process.stderr, process.stderr);
  const list = new Listr(
    [
      {
        title,
        task: async (_ctx, t) => {
          let lastShown = -1;
          result = await fn({
            title: (text) => (t.title = text),
            done: (text) => (t.title = text),
            bytes: (done, total) => {
              // Re-render at most every 0.5% (or per 256 kB when the size is unknown).
              const step = total ? Math.floor((done / total) * 200) : Math.floor(done / 262144);
              if (step === lastShown && done !== total) return;
              lastShown = step;
              t.output = formatTransfer(done, total);
            },
          });
        },
        rendererOptions: { bottomBar: 1, persistentOutput: false },
      },
    ],
    {
      renderer: StderrRenderer,
      registerSignalListeners: false,
      exitOnError: true,
      rendererOptions: { logger: new ListrLogger({ processOutput }), collapseErrors: true, showErrorMessage: false },
    },
  );
  try {
    await list.run();
  } finally {
    unregister();
  }
  return result as T;
}
