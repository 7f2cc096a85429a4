/**
 * install.sh (POSIX sh, run by dash here) against a real release site on 127.0.0.1 serving binaries built by
 * `build.ts --release`, into a scratch HOME.
 */
import { afterAll, afterEach, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillInstaller } from '../../scripts/release-build';
import { NEW_VERSION, OLD_VERSION, ROOT, releaseKit, type ReleaseKit } from '../fixtures/release/release-kit';
import { noProxyEnv, startReleaseServer, type ReleaseServer } from '../fixtures/release/release-server';
import { testWithTools } from '../support/optional-tools';

setDefaultTimeout(60_000);

let kit: ReleaseKit;
let server: ReleaseServer;
let work: string;

beforeAll(() => {
  kit = releaseKit();
  server = startReleaseServer(kit.site);
  work = mkdtempSync(join(tmpdir(), 'hodu-install-sh-'));
}, 180_000);
afterAll(() => {
  server.stop();
  rmSync(work, { recursive: true, force: true });
});

let n = 0;
async function sh(command: string[], env: Record<string, string>) {
  const home = join(work, `home-${++n}`);
  const p = Bun.spawn(command, {
    cwd: work,
    env: { ...noProxyEnv(), HOME: home, PATH: '/usr/local/bin:/usr/bin:/bin', SHELL: '/bin/bash', HODU_DOWNLOAD_URL: server.url, ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, stdout, stderr, home };
}

async function versionOf(exe: string): Promise<string> {
  const p = Bun.spawn([exe, '--version'], { stdout: 'pipe' });
  return (await new Response(p.stdout).text()).trim();
}

testWithTools(['shellcheck'], 'install.sh is POSIX sh and shellcheck clean', () => {
  const r = Bun.spawnSync(['shellcheck', '-s', 'sh', join(ROOT, 'install.sh')], { stdout: 'pipe', stderr: 'pipe' });
  expect(r.stdout.toString() + r.stderr.toString()).toBe('');
  expect(r.exitCode).toBe(0);
});

testWithTools(['curl', 'openssl'], 'curl | sh installs the latest release into ~/.hodu/bin and prints the bash PATH line', async () => {
  const r = await sh(['sh', '-c', `curl -fsSL ${server.url}/install.sh | sh`], {});
  expect(r.code).toBe(0);
  const exe = join(r.home, '.hodu', 'bin', 'hodu');
  expect(await versionOf(exe)).toBe(`hodu ${NEW_VERSION}`);
  expect(r.stderr).toContain(`Installing hodu ${NEW_VERSION} (${kit.platform})`);
  expect(r.stderr).toContain(`echo 'export PATH="${join(r.home, '.hodu', 'bin')}:$PATH"' >> ~/.bashrc`);
  expect(r.stdout).toBe('');
});

testWithTools(['openssl'], 'HODU_VERSION pins a release, HODU_INSTALL_DIR moves it; zsh and fish get their own PATH line', async () => {
  const dir = join(work, 'custom', 'bin');
  const r = await sh(['sh', join(kit.site, 'install.sh')], { HODU_VERSION: OLD_VERSION, HODU_INSTALL_DIR: dir, SHELL: '/usr/bin/zsh' });
  expect(r.code).toBe(0);
  expect(await versionOf(join(dir, 'hodu'))).toBe(`hodu ${OLD_VERSION}`);
  expect(r.stderr).toContain(`>> ~/.zshrc`);
  const fish = await sh(['sh', join(kit.site, 'install.sh')], { SHELL: '/usr/bin/fish', HODU_VERSION: `v${OLD_VERSION}` });
  expect(fish.code).toBe(0);
  expect(fish.stderr).toContain(`fish_add_path ${join(fish.home, '.hodu', 'bin')}`);
});

testWithTools(['openssl'], 'already on PATH: no PATH line', async () => {
  const dir = join(work, 'on-path');
  const r = await sh(['sh', join(kit.site, 'install.sh')], { HODU_INSTALL_DIR: dir, PATH: `${dir}:/usr/bin:/bin` });
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('hodu is on your PATH');
  expect(r.stderr).not.toContain('export PATH');
});

testWithTools(['openssl'], 'a tampered binary fails against the signed manifest, even with a SHA256SUMS that matches it', async () => {
  const bytes = new Uint8Array(readFileSync(kit.newBinary));
  bytes[bytes.length >> 1] ^= 0xff;
  const sums = `${new Bun.CryptoHasher('sha256').update(bytes).digest('hex')}  ${kit.asset}\n`;
  server.override(`/${NEW_VERSION}/${kit.asset}`, () => new Response(bytes));
  server.override(`/${NEW_VERSION}/SHA256SUMS`, () => new Response(sums));
  try {
    const r = await sh(['sh', join(kit.site, 'install.sh')], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`checksum mismatch for ${kit.asset}`);
    expect(r.stderr).toContain('nothing was installed');
    expect(existsSync(join(r.home, '.hodu', 'bin', 'hodu'))).toBe(false);
  } finally {
    server.override(`/${NEW_VERSION}/${kit.asset}`, undefined);
    server.override(`/${NEW_VERSION}/SHA256SUMS`, undefined);
  }
});

describe('the signed manifest is the only source of trust (issue 9 #11)', () => {
  const manifestPath = `/${NEW_VERSION}/manifest.json`;
  const channelPath = '/stable/manifest.json';
  afterEach(() => {
    for (const p of [manifestPath, `${manifestPath}.sig`, channelPath, `${channelPath}.sig`, `/${NEW_VERSION}/${kit.asset}`]) server.override(p, undefined);
  });

  async function refused(env: Record<string, string>, message: string) {
    const r = await sh(['sh', join(kit.site, 'install.sh')], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint:');
    expect(existsSync(join(r.home, '.hodu', 'bin', 'hodu'))).toBe(false);
    return r;
  }

  testWithTools(['openssl'], 'a manifest edited after signing is refused', async () => {
    const text = readFileSync(join(kit.site, NEW_VERSION, 'manifest.json'), 'utf8').replace(/"sha256": "[0-9a-f]{4}/, '"sha256": "0000');
    for (const p of [manifestPath, channelPath]) server.override(p, () => new Response(text));
    await refused({}, 'signature');
    await refused({ HODU_VERSION: NEW_VERSION }, 'signature');
  });

  testWithTools(['openssl'], 'a manifest signed by another key is refused', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const sig = sign(null, readFileSync(join(kit.site, NEW_VERSION, 'manifest.json')), other).toString('base64');
    for (const p of [manifestPath, channelPath]) server.override(`${p}.sig`, () => new Response(sig));
    await refused({}, 'signature');
  });

  test('plain http to a host other than this machine is refused before any download', async () => {
    const r = await refused({ HODU_DOWNLOAD_URL: 'http://hodu.invalid/releases' }, 'http://hodu.invalid/releases is not https');
    expect(r.stderr).not.toContain('cannot reach');
  });

  testWithTools(['openssl'], 'a redirect to plain http is refused', async () => {
    const hop = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (req) => Response.redirect(`${server.url}${new URL(req.url).pathname}`, 302) });
    try {
      const r = await refused({ HODU_DOWNLOAD_URL: `http://127.0.0.1:${hop.port}` }, 'cannot download');
      expect(r.stderr).not.toContain('Installed');
    } finally {
      hop.stop(true);
    }
  });

  /** A PATH holding every tool of this system except `missing`. */
  function pathWithout(missing: string): string {
    const bin = join(work, `no-${missing}-bin`);
    mkdirSync(bin, { recursive: true });
    for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) if (f !== missing && !existsSync(join(bin, f))) symlinkSync(join(dir, f), join(bin, f));
    }
    return bin;
  }

  testWithTools(['wget', 'openssl'], 'with wget instead of curl: installs, and follows no redirect', async () => {
    const bin = pathWithout('curl');
    const r = await sh(['sh', join(kit.site, 'install.sh')], { PATH: bin });
    expect(r.code).toBe(0);
    expect(await versionOf(join(r.home, '.hodu', 'bin', 'hodu'))).toBe(`hodu ${NEW_VERSION}`);
    const hop = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (req) => Response.redirect(`${server.url}${new URL(req.url).pathname}`, 302) });
    try {
      await refused({ PATH: bin, HODU_DOWNLOAD_URL: `http://127.0.0.1:${hop.port}` }, 'cannot download');
    } finally {
      hop.stop(true);
    }
  });

  test('without openssl the signature cannot be checked: refused unless HODU_INSECURE_SKIP_SIGNATURE=1', async () => {
    const bin = pathWithout('openssl');
    await refused({ PATH: bin }, 'openssl');
    const r = await sh(['sh', join(kit.site, 'install.sh')], { PATH: bin, HODU_INSECURE_SKIP_SIGNATURE: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: HODU_INSECURE_SKIP_SIGNATURE=1');
    expect(await versionOf(join(r.home, '.hodu', 'bin', 'hodu'))).toBe(`hodu ${NEW_VERSION}`);
  });

  test('an install.sh without an embedded release key refuses instead of trusting the server', async () => {
    const r = await sh(['sh', join(ROOT, 'install.sh')], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no release key');
    expect(existsSync(join(r.home, '.hodu', 'bin', 'hodu'))).toBe(false);
  });
});

test('an unknown version and a missing URL fail with a hint', async () => {
  const r = await sh(['sh', join(kit.site, 'install.sh')], { HODU_VERSION: '9.9.9' });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('hodu 9.9.9 has no signed manifest');
  expect(r.stderr).toContain('hint:');
  const none = await sh(['sh', join(ROOT, 'install.sh')], { HODU_DOWNLOAD_URL: '' });
  expect(none.code).not.toBe(0);
  expect(none.stderr).toContain('set HODU_DOWNLOAD_URL');
});

test('build.ts --release fills in the default download URL and channel', () => {
  const filled = fillInstaller(readFileSync(join(ROOT, 'install.sh'), 'utf8'), 'https://dl.example.org/hodu', 'beta');
  expect(filled).toContain("\nDEFAULT_DOWNLOAD_URL='https://dl.example.org/hodu'\n");
  expect(filled).toContain("\nDEFAULT_CHANNEL='beta'\n");
  const keyed = fillInstaller(readFileSync(join(ROOT, 'install.sh'), 'utf8'), '', 'stable', 'MCowBQYDK2VwAyEAabc=');
  expect(keyed).toContain("\nRELEASE_PUBLIC_KEY='MCowBQYDK2VwAyEAabc='\n");
});

for (const shell of ['bash', 'zsh', 'fish']) {
  testWithTools([shell, 'openssl'], `the printed PATH line works in real ${shell}`, async () => {
    const bin = Bun.which(shell)!;
    const r = await sh(['sh', join(kit.site, 'install.sh')], { SHELL: bin });
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('  ') && (l.includes('PATH') || l.includes('fish_add_path')))!.trim();
    const p = Bun.spawn([bin, '-c', `${line}; command -v hodu`], { env: { HOME: r.home, PATH: '/usr/bin:/bin' }, stdout: 'pipe', stderr: 'pipe' });
    const found = (await new Response(p.stdout).text()).trim();
    expect(`${shell}: ${found}`).toBe(`${shell}: ${join(r.home, '.hodu', 'bin', 'hodu')}`);
  });
}
