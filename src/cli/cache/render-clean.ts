import type { CleanResult } from '../../cache';
import { formatByteSize as formatBytes } from '../../util/bytes-size';
import { err, out, outJson } from '../ui/output';

/** One line per entry (stdout: it is the answer), then the totals (stderr, as other commands report). */
export async function renderClean(r: CleanResult, json: boolean): Promise<void> {
  if (json) return outJson(r);
  const { colors } = await import('../ui/colors');
  const c = await colors();
  const verb = r.dryRun ? 'would remove' : 'removed';
  for (const e of r.removed) {
    const what = e.kind ? `${e.kind} ${e.label}` : 'entry';
    out(`${verb} ${what} ${c.dim(e.key.slice(0, 12))} (${formatBytes(e.bytes)}, last used ${e.lastUsed.slice(0, 16).replace('T', ' ')}Z): ${e.reason}`);
  }
  if (r.staging.length) out(`${verb} ${r.staging.length} folder${r.staging.length === 1 ? '' : 's'} left by interrupted builds`);
  const kept = `kept ${r.kept.entries} entr${r.kept.entries === 1 ? 'y' : 'ies'} (${formatBytes(r.kept.bytes)})`;
  err(`${r.dryRun ? 'dry run: would free' : 'freed'} ${formatBytes(r.freedBytes)}; ${kept}${r.dryRun ? '' : '; hit/miss counts reset'}`);
  if (r.removed.length === 0 && r.kept.entries > 0) err(c.dim('every entry is valid and the cache is under max_size; --all, --older-than or --model remove valid entries'));
}
