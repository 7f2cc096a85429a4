import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import * as v from 'valibot';
import { writeFileAtomic } from '../util/atomic-write';
import { canonicalJson } from './key';
import { CACHE_KINDS, ENTRY_FILE } from './layout';

/** entry.json is tiny (names, sizes, checksums); one bigger than this is not ours, and is not read whole. */
const MAX_ENTRY_JSON_BYTES = 1 << 20;

/** A path inside the entry: relative, no `..`, not a folder (a stored name can never point outside it). */
const fileName = v.pipe(
  v.string(),
  v.minLength(1),
  v.check((p) => !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..') && normalize(p) !== '.' && !/[\\/]$/.test(p), 'a relative file path inside the entry'),
);

const fileSchema = v.strictObject({
  name: fileName,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  /** inode:mtime-ns:ctime-ns when the checksum was last verified: while unchanged, a hit skips hashing. */
  stamp: v.string(),
});

const recordSchema = v.strictObject({
  version: v.literal(1),
  key: v.string(),
  meta: v.looseObject({ kind: v.picklist(CACHE_KINDS), label: v.string(), modelSha256: v.optional(v.string()) }),
  files: v.pipe(v.array(fileSchema), v.maxLength(10_000)),
  /** ISO time the entry was stored. */
  created: v.string(),
});

export type EntryRecord = v.InferOutput<typeof recordSchema>;
export type FileRecord = EntryRecord['files'][number];

/** The entry.json of an entry folder, or why it cannot be used (missing, too big, not JSON, wrong shape). */
export function readEntryRecord(dir: string, key: string): { record: EntryRecord } | { problem: string; missing?: true } {
  const path = join(dir, ENTRY_FILE);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { problem: `${ENTRY_FILE} is missing`, missing: true } : { problem: `${ENTRY_FILE} cannot be read (${code})` };
  }
  if (size > MAX_ENTRY_JSON_BYTES) return { problem: `${ENTRY_FILE} is ${size} bytes, more than an entry ever needs` };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { problem: `${ENTRY_FILE} is not readable JSON (${(e as Error).message})` };
  }
  const r = v.safeParse(recordSchema, data);
  if (!r.success) return { problem: `${ENTRY_FILE} is malformed (${v.summarize(r.issues).split('\n')[0]})` };
  if (r.output.key !== key) return { problem: `${ENTRY_FILE} is for key ${r.output.key.slice(0, 12)}…, not this folder's` };
  return { record: r.output };
}

/** Sorted keys, as every state file hodu writes; atomic, so a reader never sees half of it. */
export function writeEntryRecord(dir: string, record: EntryRecord): void {
  writeFileAtomic(join(dir, ENTRY_FILE), `${canonicalJson(record)}\n`);
}
