import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { HoduError } from '../errors';
import { onInterrupt } from '../util/interrupt';
import { streamBody, type Net } from './http';
import type { ReleaseAsset } from './manifest';

interface DownloadOptions {
  net: Net;
  /** Absolute asset URL. */
  url: string;
  asset: ReleaseAsset;
  /** The temp file to write (next to the binary it will replace). */
  dest: string;
  onBytes?: (done: number, total: number) => void;
}

/**
 * Streams the asset into `dest`, hashing as it goes, and checks size and sha256 against the signed manifest.
 * The signed size bounds what is read (an announced or actual body larger than it is refused at once), and a
 * stalled server times out (network.timeout_ms). On any failure — network, truncation, tampering, Ctrl+C —
 * `dest` is removed, so nothing half-downloaded is ever left next to the binary.
 */
export async function downloadVerified(o: DownloadOptions): Promise<void> {
  const unregister = onInterrupt(() => rmSync(o.dest, { force: true }));
  let fd: number | undefined;
  try {
    fd = openSync(o.dest, 'w', 0o755);
    const out = fd;
    const hasher = new Bun.CryptoHasher('sha256');
    let done = 0;
    const tooBig = (bytes: number | undefined) =>
      new HoduError('E_UPDATE_SIZE', `${o.url}: ${bytes === undefined ? 'more than' : `the server announces ${bytes} bytes, more than`} the ${o.asset.size} bytes the signed manifest announces; refusing it`, {
        hint: 'the download was tampered with or the release is broken; nothing was changed',
      });
    await streamBody(o.net, {
      url: o.url,
      what: 'release binary',
      maxBytes: o.asset.size,
      tooBig,
      // A connection cut mid-body is a truncated download.
      broken: (got, cause) => truncated(o, got, cause),
      onChunk: (chunk) => {
        done += chunk.byteLength;
        hasher.update(chunk);
        for (let off = 0; off < chunk.byteLength; ) off += writeSync(out, chunk, off, chunk.byteLength - off);
        o.onBytes?.(done, o.asset.size);
      },
    });
    if (done !== o.asset.size) throw truncated(o, done);
    fsyncSync(fd);
    const sha = hasher.digest('hex');
    if (sha !== o.asset.sha256) {
      throw new HoduError('E_UPDATE_CHECKSUM', `${o.url}: sha256 ${sha} does not match the signed manifest (${o.asset.sha256}); refusing it`, {
        hint: 'the download was corrupted or tampered with; nothing was changed — try again, and report it if it persists',
      });
    }
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(o.dest, { force: true });
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
    unregister();
  }
}

function truncated(o: DownloadOptions, got: number, cause?: unknown): HoduError {
  return new HoduError('E_UPDATE_SIZE', `${o.url}: the download stopped after ${got} of ${o.asset.size} bytes`, {
    hint: 'the connection was cut or the file on the server is truncated; nothing was changed — try again',
    cause,
  });
}
