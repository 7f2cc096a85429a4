import { realpathSync } from 'node:fs';
import { HoduError } from '../errors';
import { CURRENT_VERSION, RELEASE_DATE, UPDATE_PUBLIC_KEY } from './build-info';
import { platformKey } from './manifest';
import { assertSelfManaged, type UpdateEnv } from './self-update';
import { isCompiledBinary } from '../util/compiled-binary';

/** The real-world UpdateEnv for this process: fetch, this binary, its embedded key, the configured site. */
export async function updateEnv(channel: string | undefined, opts: { needsSource: boolean; replacing: boolean }): Promise<UpdateEnv> {
  if (!isCompiledBinary()) {
    throw new HoduError('E_UPDATE_SOURCE', `self-update works on the compiled binary; this is hodu running from source (${Bun.main})`, {
      hint: 'update the sources with git instead, or build the binary with `bun build.ts`',
    });
  }
  const exePath = realpathSync(process.execPath);
  // A package-managed or read-only install is refused before anything else (even a missing update URL).
  if (opts.replacing) assertSelfManaged(exePath);
  const settings = await import('./settings');
  let source = { baseUrl: '', channel: channel ?? '' };
  if (opts.needsSource) source = await settings.resolveUpdateSource(channel);
  const { proxy, timeoutMs } = await settings.networkSettings();
  return {
    // An explicit proxy (network.proxy) wins; without one Bun's fetch honours HTTPS_PROXY/NO_PROXY itself.
    fetch: (url, init) => fetch(url, proxy ? { ...init, proxy } : init),
    timeoutMs,
    proxy,
    exePath,
    platform: platformKey(),
    currentVersion: CURRENT_VERSION,
    releaseDate: RELEASE_DATE,
    publicKey: UPDATE_PUBLIC_KEY,
    baseUrl: source.baseUrl,
    channel: source.channel,
    smokeTest: runVersion,
  };
}

/** `<file> --version` with a timeout; its stdout, or an error with its stderr. */
async function runVersion(file: string): Promise<string> {
  const proc = Bun.spawn([file, '--version'], { stdout: 'pipe', stderr: 'pipe', timeout: 20_000 });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`\`${file} --version\` exited with ${proc.signalCode ?? code}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`);
  return stdout;
}
