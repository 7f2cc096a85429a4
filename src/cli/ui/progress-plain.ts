import { err } from './output';
import { formatTransfer, type TaskHandle } from './progress-types';

/**
 * Line-by-line progress for logs and pipes: the title when a step starts, byte progress at each quarter,
 * and ✔/✘ with the final title when it ends. Never rewrites a line.
 */
export async function plainTask<T>(title: string, fn: (t: TaskHandle) => Promise<T>): Promise<T> {
  let current = title;
  let lastQuarter = 0;
  err(`• ${title}`);
  const handle: TaskHandle = {
    title: (text) => {
      if (text !== current) err(`• ${text}`);
      current = text;
    },
    bytes: (done, total) => {
      if (!total) return;
      const quarter = Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        err(`  ${formatTransfer(done, total)}`);
      }
    },
    done: (text) => {
      current = text;
    },
  };
  try {
    const result = await fn(handle);
    err(`✔ ${current}`);
    return result;
  } catch (e) {
    err(`✘ ${current}`);
    throw e;
  }
}
