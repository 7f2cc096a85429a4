import { HoduError } from '../../errors';
import { crc32 } from './crc32';
import { checkEntryName } from './entry-name';

/** One file of a zip archive, as described by its central-directory record. */
interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated (the only two methods accepted). */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed bytes in the archive (after the local header). */
  dataOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
/** Deflate cannot expand beyond ~1032:1; a declared size above that is a lie (or a bomb). */
const MAX_DEFLATE_RATIO = 1032;

const fail = (where: string, detail: string): never => {
  throw new HoduError('E_ZIP', `${where}: ${detail}`, { hint: 'the zip archive is truncated or corrupt' });
};

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly where: string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Throws unless [off, off+len) lies inside the archive. */
  need(off: number, len: number, what: string): void {
    if (!Number.isSafeInteger(off) || off < 0 || len < 0 || off + len > this.bytes.length) {
      fail(this.where, `${what} at offset ${off} (+${len}) lies outside the ${this.bytes.length}-byte archive`);
    }
  }
  u16(off: number): number {
    return this.view.getUint16(off, true);
  }
  u32(off: number): number {
    return this.view.getUint32(off, true);
  }
  u64(off: number, what: string): number {
    const v = this.view.getBigUint64(off, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail(this.where, `${what} ${v} is too large`);
    return Number(v);
  }
}

interface Directory {
  count: number;
  offset: number;
  size: number;
}

function findDirectory(r: Reader): Directory {
  const n = r.bytes.length;
  if (n < EOCD_SIZE) fail(r.where, `${n} bytes is too short for a zip archive`);
  // The end record sits before a comment of at most 65535 bytes: scan backwards for its signature.
  let eocd = -1;
  for (let off = n - EOCD_SIZE; off >= Math.max(0, n - EOCD_SIZE - 0xffff); off--) {
    if (r.u32(off) === SIG_EOCD && off + EOCD_SIZE + r.u16(off + 20) <= n) {
      eocd = off;
      break;
    }
  }
  if (eocd < 0) fail(r.where, 'no end-of-central-directory record (not a zip archive)');
  if (r.u16(eocd + 4) !== 0 || r.u16(eocd + 6) !== 0) fail(r.where, 'multi-disk archives are not supported');
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: a locator just before the end record points at the zip64 end record.
    const loc = eocd - 20;
    r.need(loc, 20, 'zip64 end locator');
    if (r.u32(loc) !== SIG_ZIP64_LOCATOR) fail(r.where, 'zip64 sizes announced but no zip64 locator found');
    const rec = r.u64(loc + 8, 'zip64 end record offset');
    r.need(rec, 56, 'zip64 end record');
    if (r.u32(rec) !== SIG_ZIP64_EOCD) fail(r.where, `bad zip64 end record signature at offset ${rec}`);
    count = r.u64(rec + 32, 'zip64 entry count');
    size = r.u64(rec + 40, 'zip64 central directory size');
    offset = r.u64(rec + 48, 'zip64 central directory offset');
  }
  r.need(offset, size, 'central directory');
  if (count * CENTRAL_SIZE > size) fail(r.where, `${count} entries cannot fit in a ${size}-byte central directory`);
  return { count, offset, size };
}

/** Reads the zip64 extended-information extra field (id 1): only the fields saturated in the record. */
function applyZip64Extra(r: Reader, extraOff: number, extraLen: number, e: { size: number; compressedSize: number; localOffset: number }): void {
  const wantSize = e.size === 0xffffffff;
  const wantCsize = e.compressedSize === 0xffffffff;
  const wantOffset = e.localOffset === 0xffffffff;
  if (!wantSize && !wantCsize && !wantOffset) return;
  for (let p = extraOff; p + 4 <= extraOff + extraLen; ) {
    const id = r.u16(p);
    const len = r.u16(p + 2);
    if (p + 4 + len > extraOff + extraLen) break;
    if (id === 1) {
      let q = p + 4;
      const take = (what: string): number => {
        if (q + 8 > p + 4 + len) fail(r.where, `zip64 extra field too short for ${what}`);
        const v = r.u64(q, what);
        q += 8;
        return v;
      };
      if (wantSize) e.size = take('uncompressed size');
      if (wantCsize) e.compressedSize = take('compressed size');
      if (wantOffset) e.localOffset = take('local header offset');
      return;
    }
    p += 4 + len;
  }
  fail(r.where, 'zip64 sizes announced but the zip64 extra field is missing');
}

/**
 * Lists the entries of a zip archive from its central directory, checking every offset, size and name.
 * No data is decompressed here; see `readZipEntry`.
 */
export function listZipEntries(bytes: Uint8Array, where = 'zip'): ZipEntry[] {
  const r = new Reader(bytes, where);
  const dir = findDirectory(r);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let p = dir.offset;
  const end = dir.offset + dir.size;
  for (let i = 0; i < dir.count; i++) {
    if (p + CENTRAL_SIZE > end) fail(where, `central directory ends inside entry ${i}`);
    if (r.u32(p) !== SIG_CENTRAL) fail(where, `bad central directory signature for entry ${i} at offset ${p}`);
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    if (p + CENTRAL_SIZE + nameLen + extraLen + commentLen > end) fail(where, `central directory ends inside entry ${i}`);
    // Bit 11 says UTF-8; otherwise CP437, whose ASCII subset is all a tensor name needs.
    const name = decoder.decode(bytes.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLen));
    const crc = r.u32(p + 16);
    const e = { size: r.u32(p + 24), compressedSize: r.u32(p + 20), localOffset: r.u32(p + 42) };
    applyZip64Extra(r, p + CENTRAL_SIZE + nameLen, extraLen, e);
    p += CENTRAL_SIZE + nameLen + extraLen + commentLen;

    const label = `${where}: entry ${JSON.stringify(name)}`;
    checkEntryName(name, where);
    if (seen.has(name)) fail(where, `duplicate entry ${JSON.stringify(name)}`);
    seen.add(name);
    if (flags & 1) throw new HoduError('E_ZIP', `${label} is encrypted`, { hint: 'decrypt the archive first' });
    if (method !== 0 && method !== 8) {
      throw new HoduError('E_ZIP', `${label} uses compression method ${method}`, { hint: 'only stored (0) and deflated (8) entries are supported' });
    }
    if (method === 0 && e.size !== e.compressedSize) fail(where, `stored entry ${JSON.stringify(name)} has size ${e.size} but compressed size ${e.compressedSize}`);
    if (method === 8 && e.size > e.compressedSize * MAX_DEFLATE_RATIO + 1024) {
      fail(where, `entry ${JSON.stringify(name)} claims ${e.size} bytes from ${e.compressedSize} deflated bytes, beyond what deflate can produce`);
    }
    r.need(e.localOffset, LOCAL_SIZE, `local header of ${JSON.stringify(name)}`);
    if (r.u32(e.localOffset) !== SIG_LOCAL) fail(where, `bad local header signature for ${JSON.stringify(name)} at offset ${e.localOffset}`);
    const dataOffset = e.localOffset + LOCAL_SIZE + r.u16(e.localOffset + 26) + r.u16(e.localOffset + 28);
    r.need(dataOffset, e.compressedSize, `data of ${JSON.stringify(name)}`);
    entries.push({ name, method, crc32: crc, compressedSize: e.compressedSize, size: e.size, dataOffset });
  }
  return entries;
}

/**
 * The uncompressed bytes of one entry, CRC-checked. Stored entries are returned as views into `bytes`.
 * node:zlib is imported here, lazily, so that opening other formats does not pay for it.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, where = 'zip'): Promise<Uint8Array> {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = raw;
  } else {
    const { inflateRawSync } = await import('node:zlib');
    try {
      // maxOutputLength caps the work at the declared size (+1 to notice a longer stream).
      out = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    } catch (e) {
      throw new HoduError('E_ZIP', `${where}: entry ${JSON.stringify(entry.name)} does not inflate: ${e instanceof Error ? e.message : String(e)}`, {
        hint: 'the zip archive is truncated or corrupt',
        cause: e,
      });
    }
  }
  if (out.length !== entry.size) fail(where, `entry ${JSON.stringify(entry.name)} has ${out.length} bytes, the directory says ${entry.size}`);
  const crc = crc32(out);
  if (crc !== entry.crc32) {
    fail(where, `CRC-32 mismatch in entry ${JSON.stringify(entry.name)}: computed ${crc.toString(16)}, stored ${entry.crc32.toString(16)}`);
  }
  return out;
}

/** All entries of an archive, in directory order, as name → bytes. */
export async function readZip(bytes: Uint8Array, where = 'zip'): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const entry of listZipEntries(bytes, where)) out.set(entry.name, await readZipEntry(bytes, entry, where));
  return out;
}
