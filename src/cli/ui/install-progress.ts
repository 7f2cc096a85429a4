import type { InstallEvent } from '../../plugins/install';
import { colors } from './colors';
import { err } from './output';
import { task, type ProgressMode } from './progress';

/**
 * Runs an install-like operation as one progress task: on a terminal a listr2 task whose title follows the
 * steps (compiling, checking…), otherwise plain stderr lines; warnings (e.g. "building native code from …")
 * are always printed, before the task. stdout stays for results and --json.
 */
export async function withInstallProgress<T>(title: string, mode: ProgressMode, run: (onEvent: (e: InstallEvent) => void) => Promise<T>): Promise<T> {
  const c = await colors();
  return task(title, async (t) => run((e) => {
    if (e.kind === 'warn') err(`${c.yellow('warning:')} ${e.message}`);
    else t.title(e.message);
  }), mode);
}
