/** `hodu build` output: progress on a terminal, then one line (or --json) about the artifact. */
import { buildModel, type BuildFlags } from '../../build/build-model';
import { colors } from '../ui/colors';
import { err, formatBytes, outJson } from '../ui/output';

export async function executeBuild(flags: Omit<BuildFlags, 'progress' | 'warn'> & { json: boolean }): Promise<void> {
  const c = await colors();
  const tty = Boolean(process.stderr.isTTY) && !flags.json;
  const result = await buildModel({
    ...flags,
    progress: tty ? (line) => err(c.dim(`${line}…`)) : undefined,
    warn: (message) => err(`${c.yellow('warning:')} ${message}`),
  });
  if (flags.json) {
    outJson(result);
    return;
  }
  const cache = result.cache === 'hit' ? ' (from the compile cache)' : '';
  err(`built ${result.output} (${result.format}, ${result.target}, ${formatBytes(result.bytes)}) in ${result.buildMs} ms${cache}`);
}
