/**
 * The release platforms and the Bun runtime each one is compiled against. Cross-compiling needs the target's
 * Bun executable; Bun would download it from GitHub, so we take it from the npm registry instead
 * (`@oven/bun-<os>-<arch>`, the packages the `bun` npm package itself installs), cached per Bun version.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ReleaseTarget {
  /** `linux-x64`: the key in the release manifest and the suffix of the file name. */
  platform: string;
  /** `bun build --target`. */
  bunTarget: string;
  /** The npm package holding that Bun runtime. */
  runtimePackage: string;
  exe: '' | '.exe';
}

export const RELEASE_TARGETS: ReleaseTarget[] = [
  { platform: 'linux-x64', bunTarget: 'bun-linux-x64', runtimePackage: '@oven/bun-linux-x64', exe: '' },
  { platform: 'linux-arm64', bunTarget: 'bun-linux-arm64', runtimePackage: '@oven/bun-linux-aarch64', exe: '' },
  { platform: 'darwin-x64', bunTarget: 'bun-darwin-x64', runtimePackage: '@oven/bun-darwin-x64', exe: '' },
  { platform: 'darwin-arm64', bunTarget: 'bun-darwin-arm64', runtimePackage: '@oven/bun-darwin-aarch64', exe: '' },
  { platform: 'windows-x64', bunTarget: 'bun-windows-x64', runtimePackage: '@oven/bun-windows-x64', exe: '.exe' },
];

export function binaryName(t: ReleaseTarget): string {
  return `hodu-${t.platform}${t.exe}`;
}

/** The platform this build script runs on, in manifest terms. */
export function hostPlatform(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `${os}-${process.arch}`;
}

export function selectTargets(list: string | undefined): ReleaseTarget[] {
  if (!list) return RELEASE_TARGETS;
  return list.split(',').map((name) => {
    const t = RELEASE_TARGETS.find((x) => x.platform === name.trim());
    if (!t) throw new Error(`unknown target '${name}' (known: ${RELEASE_TARGETS.map((x) => x.platform).join(', ')})`);
    return t;
  });
}

/**
 * The Bun runtime to cross-compile `t` with, or undefined for the host (Bun uses itself). Looks in
 * `cacheDir/<package>-<version>/`, else fetches the package with `npm pack` (the registry is the one
 * network this build may use) and unpacks it there.
 */
export function runtimeFor(t: ReleaseTarget, cacheDir: string, log: (line: string) => void): string | undefined {
  if (t.platform === hostPlatform()) return undefined;
  const dir = join(cacheDir, `${t.runtimePackage.replace('@oven/', '')}-${Bun.version}`);
  const exe = join(dir, 'bin', `bun${t.exe}`);
  if (existsSync(exe)) return exe;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, '.fetch-'));
  try {
    log(`fetching ${t.runtimePackage}@${Bun.version} from the npm registry`);
    const pack = Bun.spawnSync(['npm', 'pack', `${t.runtimePackage}@${Bun.version}`, '--pack-destination', tmp, '--silent'], { stdout: 'pipe', stderr: 'pipe' });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (pack.exitCode !== 0 || !tgz) throw new Error(`npm pack ${t.runtimePackage}@${Bun.version} failed: ${pack.stderr.toString().trim().split('\n').pop()}`);
    const untar = Bun.spawnSync(['tar', 'xzf', join(tmp, tgz), '-C', tmp], { stderr: 'pipe' });
    if (untar.exitCode !== 0) throw new Error(`cannot unpack ${tgz}: ${untar.stderr.toString().trim()}`);
    if (!existsSync(join(tmp, 'package', 'bin', `bun${t.exe}`))) throw new Error(`${tgz} holds no bin/bun${t.exe}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(tmp, 'package'), dir);
    return exe;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
