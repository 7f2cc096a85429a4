import { HoduError } from '../errors';

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

const MANIFEST_TIMEOUT_MS = 30_000;
/** A manifest or signature larger than this is not one (and is not read into memory). */
const MAX_SMALL_FILE = 1 << 20;

/** GETs a small file (manifest, signature). 404 → E_UPDATE_NOT_FOUND, anything else → E_UPDATE_NETWORK. */
export async function fetchSmall(fetchFn: FetchFn, url: string, what: string): Promise<Uint8Array> {
  const res = await get(fetchFn, url, what, AbortSignal.timeout(MANIFEST_TIMEOUT_MS));
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_SMALL_FILE) throw new HoduError('E_UPDATE_MANIFEST', `${url}: ${what} is ${bytes.length} bytes, not a release ${what}`, { hint: 'check the update URL' });
  return bytes;
}

/** GET with hodu's error vocabulary; the caller reads the body. */
export async function get(fetchFn: FetchFn, url: string, what: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal, redirect: 'follow' });
  } catch (e) {
    throw new HoduError('E_UPDATE_NETWORK', `cannot fetch the ${what} from ${url}: ${(e as Error).message}`, {
      hint: 'check your network and proxy (HTTPS_PROXY/NO_PROXY), and the update URL ([update] url in config.toml or HODU_UPDATE_URL)',
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
