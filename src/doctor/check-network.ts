/**
 * The update server (what `hodu self-update` uses) answers through the configured proxy, within a short
 * timeout. Any HTTP answer counts as reachable (a site root may well be 404); server errors are a warning.
 * registry.url gets a check when a command installs plugins from a registry: until then it affects nothing.
 */
import { DEFAULT_UPDATE_URL } from '../update/build-info';
import type { CheckOutcome, DoctorCheck, DoctorContext } from './types';

const MAX_TIMEOUT_MS = 5_000;

async function probeUrl(url: string, ctx: DoctorContext): Promise<CheckOutcome> {
  const { proxy, timeoutMs } = ctx.settings.network;
  const limit = Math.min(timeoutMs, MAX_TIMEOUT_MS);
  const via = proxy ? ` via proxy ${proxy}` : '';
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(limit), redirect: 'manual', ...(proxy ? { proxy } : {}) });
    await res.body?.cancel();
    if (res.status >= 500) return { status: 'warn', detail: `${url} answered HTTP ${res.status}${via}`, hint: 'the server is reachable but failing; try again later' };
    return { status: 'ok', detail: `${url} reachable (HTTP ${res.status})${via}` };
  } catch (e) {
    const why = (e as Error).name === 'TimeoutError' ? `no answer within ${limit} ms` : e instanceof Error ? e.message : String(e);
    return {
      status: 'error',
      detail: `${url} not reachable${via}: ${why}`,
      hint: proxy ? 'check the URL and network.proxy (`hodu config get network.proxy`)' : 'check the URL and your network; behind a proxy set network.proxy or HTTPS_PROXY',
    };
  }
}

function urlCheck(id: string, title: string, key: string, pick: (ctx: DoctorContext) => string | undefined): DoctorCheck {
  return {
    id,
    title,
    timeoutMs: MAX_TIMEOUT_MS + 2_000,
    async run(ctx) {
      const url = pick(ctx);
      if (!url) return { status: 'warn', detail: `not configured (${key} is unset)`, hint: `hodu config set ${key} URL` };
      return probeUrl(url, ctx);
    },
  };
}

// The same precedence as self-update (src/update/settings.ts): HODU_UPDATE_URL > [update] url > the build's URL.
export const updateCheck = urlCheck('update', 'update server', 'update.url', (ctx) => process.env.HODU_UPDATE_URL || ctx.settings.update.url || DEFAULT_UPDATE_URL || undefined);
