import type { InstallEvent } from '../../../plugins/install';
import { colors } from '../../ui/colors';
import { err } from '../../ui/output';

/** Renders install progress on stderr, one line per step (stdout stays for results and --json). */
export async function installProgress(): Promise<(e: InstallEvent) => void> {
  const c = await colors();
  return (e) => err(e.kind === 'warn' ? `${c.yellow('warning:')} ${e.message}` : `${c.dim('•')} ${e.message}`);
}
