import { HoduError } from '../errors';

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

/** How self-update talks to the release site: `network.proxy` is baked into `fetch`, named here for messages. */
export interface Net {
  fetch: FetchFn;
  /** `network.timeout_ms`: the longest wait for a connection, the headers, or the next chunk of a body. */
  timeoutMs: number;
  proxy?: string;
}

/** A manifest or signature larger than this is not one (and is never read into memory past it). */
const MAX_SMALL_FILE = 1 << 20;

interface StreamOptions {
  url: string;
  what: string;
  /** Refuse bodies larger than this, from Content-Length before reading, and while reading. */
  maxBytes: number;
  tooBig: (bytes: number | undefined) => HoduError;
  /** The error for a connection that breaks mid-body (default: E_UPDATE_NETWORK). */
  broken?: (got: number, cause: unknown) => HoduError;
  onChunk: (chunk: Uint8Array) => void;
}

const IDLE = Symbol('idle');

/**
 * GETs `url` and feeds its body to `onChunk`, never holding more than one chunk. The idle timer (not a total
 * timeout: a big binary on a slow link is fine as long as bytes keep coming) covers connecting, the headers
 * and every chunk; a stalled server becomes E_UPDATE_NETWORK instead of a hang. Returns the byte count.
 */
export async function streamBody(net: Net, o: StreamOptions): Promise<number> {
  const controller = new AbortController();
  const res = await idle(net, o, controller, get(net, o.url, o.what, controller.signal));
  // A compressed body's Content-Length is not the size of what we get: only trust it for identity encoding.
  const announced = res.headers.get('content-encoding') ? undefined : Number(res.headers.get('content-length') ?? NaN);
  if (announced !== undefined && announced > o.maxBytes) {
    controller.abort();
    throw o.tooBig(announced);
  }
  if (!res.body) return 0;
  const reader = res.body.getReader();
  let got = 0;
  try {
    for (;;) {
      let step: Awaited<ReturnType<typeof reader.read>>;
      try {
        step = await idle(net, o, controller, reader.read());
      } catch (e) {
        if (e instanceof HoduError) throw e;
        throw o.broken?.(got, e) ?? new HoduError('E_UPDATE_NETWORK', `${o.url}: the connection broke after ${got} bytes of the ${o.what} (${(e as Error).message})`, { hint: 'try again; check your network and proxy', cause: e });
      }
      if (step.done) return got;
      got += step.value.byteLength;
      if (got > o.maxBytes) throw o.tooBig(undefined);
      o.onChunk(step.value);
    }
  } finally {
    controller.abort();
    try {
      reader.releaseLock();
    } catch {
      // Older streams refuse to release a lock with a read pending (after an idle timeout): the abort suffices.
    }
  }
}

/** GETs a small file (manifest, signature) whole, capped at MAX_SMALL_FILE. */
export async function fetchSmall(net: Net, url: string, what: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const tooBig = (bytes: number | undefined) =>
    new HoduError('E_UPDATE_MANIFEST', `${url}: ${bytes === undefined ? `the ${what} is more than 1 MiB` : `the server announces a ${what} of ${bytes} bytes, more than 1 MiB`}: not a release ${what}`, {
      hint: 'check the update URL ([update] url in config.toml or HODU_UPDATE_URL); nothing was changed',
    });
  const size = await streamBody(net, { url, what, maxBytes: MAX_SMALL_FILE, tooBig, onChunk: (c) => chunks.push(c) });
  const bytes = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    bytes.set(c, off);
    off += c.byteLength;
  }
  return bytes;
}

/** Races `p` against the idle timer; on expiry the request is aborted and E_UPDATE_NETWORK thrown. */
async function idle<T>(net: Net, o: { url: string; what: string }, controller: AbortController, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), net.timeoutMs)));
  try {
    const r = await Promise.race([p, expired]);
    if (r !== IDLE) return r as T;
  } finally {
    clearTimeout(timer);
  }
  controller.abort();
  p.catch(() => undefined); // the aborted read rejects later; nobody is waiting for it any more
  throw new HoduError('E_UPDATE_NETWORK', `${o.url}: no data for ${net.timeoutMs} ms while fetching the ${o.what}${net.proxy ? ` via proxy ${net.proxy}` : ''}; gave up`, {
    hint: 'the release server or the network stalled; try again later. On a slow link raise the limit: `hodu config set network.timeout_ms 120000`',
  });
}

/** GET with hodu's error vocabulary; the caller reads the body. */
async function get(net: Net, url: string, what: string, signal: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await net.fetch(url, { signal, redirect: 'follow' });
  } catch (e) {
    const via = net.proxy ? ` via proxy ${net.proxy}` : '';
    throw new HoduError('E_UPDATE_NETWORK', `cannot fetch the ${what} from ${url}${via}: ${(e as Error).message}`, {
      hint: net.proxy
        ? 'check network.proxy (`hodu config get network.proxy`) and the update URL'
        : 'check your network and proxy (network.proxy in config.toml, or HTTPS_PROXY/NO_PROXY), and the update URL ([update] url in config.toml or HODU_UPDATE_URL)',
      cause: e,
    });
  }
  if (res.status === 404) {
    throw new HoduError('E_UPDATE_NOT_FOUND', `${url}: no such ${what} (HTTP 404)`, { hint: 'check the version or channel name; released versions are listed on the release site' });
  }
  if (!res.ok) {
    throw new HoduError('E_UPDATE_NETWORK', `${url}: HTTP ${res.status} ${res.statusText} while fetching the ${what}`, { hint: 'the release server had a problem; try again later' });
  }
  return res;
}

/** `base` + a relative path, keeping any path prefix of the base (https://x/hodu + 0.2.0/… → https://x/hodu/0.2.0/…). */
export function joinUrl(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).href;
}
