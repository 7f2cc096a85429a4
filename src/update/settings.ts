import { HoduError } from '../errors';
import { DEFAULT_CHANNEL, DEFAULT_UPDATE_URL } from './build-info';
import { CHANNEL_RE } from './manifest';

export interface UpdateSource {
  baseUrl: string;
  channel: string;
  /** Where the URL came from, for messages. */
  urlFrom: 'HODU_UPDATE_URL' | 'config' | 'build';
}

/**
 * The release site and channel: HODU_UPDATE_URL > `[update] url` in config.toml > the URL the release
 * build baked in; channel: --channel > `[update] channel` > the build's channel (stable).
 */
export async function resolveUpdateSource(channelFlag: string | undefined, env: Record<string, string | undefined> = process.env): Promise<UpdateSource> {
  const { loadConfig, configPath } = await import('../config/index');
  const config = await loadConfig();
  const channel = channelFlag || config.update?.channel || DEFAULT_CHANNEL;
  if (!CHANNEL_RE.test(channel)) {
    throw new HoduError('E_USAGE', `'${channel}' is not a channel name`, { hint: 'channels are lowercase names such as stable, beta or nightly' });
  }
  const fromEnv = env.HODU_UPDATE_URL;
  const fromConfig = config.update?.url;
  const baseUrl = fromEnv || fromConfig || DEFAULT_UPDATE_URL;
  if (!baseUrl) {
    throw new HoduError('E_UPDATE_NO_URL', 'no update URL is configured (this build has none built in)', {
      hint: `set it with \`hodu config set update.url https://…\` (in ${configPath()}) or the HODU_UPDATE_URL environment variable`,
    });
  }
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new HoduError('E_UPDATE_NO_URL', `update URL '${baseUrl}' is not an http(s) URL`, { hint: 'fix [update] url in config.toml or HODU_UPDATE_URL' });
  }
  return { baseUrl, channel, urlFrom: fromEnv ? 'HODU_UPDATE_URL' : fromConfig ? 'config' : 'build' };
}

/** `[network]` for self-update: the proxy (else Bun's fetch reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY) and the timeout. */
export async function networkSettings(): Promise<{ proxy?: string; timeoutMs: number }> {
  const { loadConfig } = await import('../config/index');
  const { keyDefault } = await import('../config/keys');
  const network = (await loadConfig()).network;
  return { proxy: network?.proxy, timeoutMs: network?.timeout_ms ?? Number(keyDefault('network.timeout_ms')) };
}
