import { existsSync, statSync } from 'node:fs';
import { fileSha256, type CleanFilter } from '../../cache';
import { parseDuration } from '../../config/duration';
import { HoduError } from '../../errors';

/** `hodu cache clean` flags → what to remove. --all names everything, so it takes no other filter. */
export function cleanFilter(flags: { all: boolean; olderThan?: string; model?: string }): CleanFilter {
  if (flags.all && (flags.olderThan !== undefined || flags.model !== undefined)) {
    throw new HoduError('E_USAGE', '--all removes every entry: it cannot be combined with --older-than or --model', { hint: 'drop --all to remove only the entries the other flags pick' });
  }
  const filter: CleanFilter = { all: flags.all || undefined };
  if (flags.olderThan !== undefined) {
    const ms = parseDuration(flags.olderThan);
    if (ms === undefined) throw new HoduError('E_USAGE', `--older-than must be a duration such as 7d, 12h or 30m, got '${flags.olderThan}'`, { hint: 'e.g. hodu cache clean --older-than 7d' });
    filter.olderThanMs = ms;
  }
  if (flags.model !== undefined) {
    if (!existsSync(flags.model)) throw new HoduError('E_NOT_FOUND', `${flags.model}: no such file`, { hint: 'pass the model file the entries were built from' });
    if (!statSync(flags.model).isFile()) throw new HoduError('E_NOT_A_FILE', `${flags.model}: not a regular file`, { hint: 'pass the model file the entries were built from' });
    filter.modelSha256 = fileSha256(flags.model);
  }
  return filter;
}
