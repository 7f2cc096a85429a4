import { HoduError } from '../../errors';
import { crc32 } from './crc32';
import { checkEntryName } from './entry-name';

interface ZipWriteOptions {
  /** Deflate every entry (like `np.savez_compressed`); default stores them uncompressed. */
  compress?: boolean;
  /** Write zip64 records even when sizes fit in 32 bits (used by tests; needed above 4 GiB). */
  forceZip64?: boolean;
  /** Used in error messages. */
  where?: string;
}

const U32_MAX = 0xffffffff;
// A fixed timestamp (1980-01-01 00:00, the DOS epoch) keeps archives byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const FLAG_UTF8 = 1 << 11;

interface Placed {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
  offset: number;
  zip64: boolean;
}

/**
 * Builds a zip archive from name → bytes, in map order. Entries are stored unless `compress` is set
 * (node:zlib is then imported lazily). Zip64 records are written when a size or offset needs them.
 */
export async function writeZip(files: Map<string, Uint8Array>, opts: ZipWriteOptions = {}): Promise<Uint8Array> {
  const where = opts.where ?? 'zip';
  const deflate = opts.compress ? (await import('node:zlib')).deflateRawSync : undefined;
  const encoder = new TextEncoder();
  const placed: Placed[] = [];
  let offset = 0;
  for (const [name, bytes] of files) {
    // Writing, the name comes from the caller (a tensor or weight name), not from a hostile archive.
    checkEntryName(name, where, 'E_ZIP', 'a tensor named so cannot be a zip entry (unpacking it would write outside the folder); write .safetensors instead, which keeps any name');
    const nameBytes = encoder.encode(name);
    if (nameBytes.length > 0xffff) throw new HoduError('E_ZIP', `${where}: entry name of ${nameBytes.length} bytes is too long`);
    const data = deflate ? deflate(bytes) : bytes;
    const zip64 = !!opts.forceZip64 || bytes.length >= U32_MAX || data.length >= U32_MAX || offset >= U32_MAX;
    placed.push({ name: nameBytes, method: deflate ? 8 : 0, crc: crc32(bytes), size: bytes.length, data, offset, zip64 });
    offset += localHeaderSize(nameBytes, zip64) + data.length;
  }
  const cdOffset = offset;
  let cdSize = 0;
  for (const p of placed) cdSize += 46 + p.name.length + (p.zip64 ? 28 : 0);
  const zip64End = !!opts.forceZip64 || placed.length >= 0xffff || cdOffset >= U32_MAX || cdSize >= U32_MAX;
  const total = cdOffset + cdSize + (zip64End ? 56 + 20 : 0) + 22;

  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  for (const p of placed) {
    let q = p.offset;
    v.setUint32(q, 0x04034b50, true);
    v.setUint16(q + 4, p.zip64 ? 45 : 20, true);
    v.setUint16(q + 6, FLAG_UTF8, true);
    v.setUint16(q + 8, p.method, true);
    v.setUint16(q + 10, DOS_TIME, true);
    v.setUint16(q + 12, DOS_DATE, true);
    v.setUint32(q + 14, p.crc, true);
    v.setUint32(q + 18, p.zip64 ? U32_MAX : p.data.length, true);
    v.setUint32(q + 22, p.zip64 ? U32_MAX : p.size, true);
    v.setUint16(q + 26, p.name.length, true);
    v.setUint16(q + 28, p.zip64 ? 20 : 0, true);
    out.set(p.name, q + 30);
    q += 30 + p.name.length;
    if (p.zip64) {
      // Local zip64 extra: uncompressed then compressed size.
      v.setUint16(q, 1, true);
      v.setUint16(q + 2, 16, true);
      v.setBigUint64(q + 4, BigInt(p.size), true);
      v.setBigUint64(q + 12, BigInt(p.data.length), true);
      q += 20;
    }
    out.set(p.data, q);
  }
  // The central directory repeats most local-header fields at other offsets (the zip format stores them
  // twice, APPNOTE 4.3.7 and 4.3.12): written out field by field so each offset can be checked against the spec.
  let q = cdOffset;
  for (const p of placed) {
    v.setUint32(q, 0x02014b50, true);
    v.setUint16(q + 4, p.zip64 ? 45 : 20, true);
    v.setUint16(q + 6, p.zip64 ? 45 : 20, true);
    v.setUint16(q + 8, FLAG_UTF8, true);
    v.setUint16(q + 10, p.method, true);
    v.setUint16(q + 12, DOS_TIME, true);
    v.setUint16(q + 14, DOS_DATE, true);
    v.setUint32(q + 16, p.crc, true);
    v.setUint32(q + 20, p.zip64 ? U32_MAX : p.data.length, true);
    v.setUint32(q + 24, p.zip64 ? U32_MAX : p.size, true);
    v.setUint16(q + 28, p.name.length, true);
    v.setUint16(q + 30, p.zip64 ? 28 : 0, true);
    v.setUint32(q + 42, p.zip64 ? U32_MAX : p.offset, true);
    out.set(p.name, q + 46);
    q += 46 + p.name.length;
    if (p.zip64) {
      // Central zip64 extra: uncompressed size, compressed size, local header offset (in that order).
      v.setUint16(q, 1, true);
      v.setUint16(q + 2, 24, true);
      v.setBigUint64(q + 4, BigInt(p.size), true);
      v.setBigUint64(q + 12, BigInt(p.data.length), true);
      v.setBigUint64(q + 20, BigInt(p.offset), true);
      q += 28;
    }
  }
  if (zip64End) {
    const rec = q;
    v.setUint32(q, 0x06064b50, true);
    v.setBigUint64(q + 4, 44n, true); // size of the rest of this record
    v.setUint16(q + 12, 45, true);
    v.setUint16(q + 14, 45, true);
    v.setBigUint64(q + 24, BigInt(placed.length), true);
    v.setBigUint64(q + 32, BigInt(placed.length), true);
    v.setBigUint64(q + 40, BigInt(cdSize), true);
    v.setBigUint64(q + 48, BigInt(cdOffset), true);
    q += 56;
    v.setUint32(q, 0x07064b50, true);
    v.setBigUint64(q + 8, BigInt(rec), true);
    v.setUint32(q + 16, 1, true); // total number of disks
    q += 20;
  }
  v.setUint32(q, 0x06054b50, true);
  v.setUint16(q + 8, zip64End ? 0xffff : placed.length, true);
  v.setUint16(q + 10, zip64End ? 0xffff : placed.length, true);
  v.setUint32(q + 12, zip64End ? U32_MAX : cdSize, true);
  v.setUint32(q + 16, zip64End ? U32_MAX : cdOffset, true);
  return out;
}

function localHeaderSize(name: Uint8Array, zip64: boolean): number {
  return 30 + name.length + (zip64 ? 20 : 0);
}
