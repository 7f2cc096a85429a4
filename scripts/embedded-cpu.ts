/**
 * Builds plugins/backend-cpu for the platform a binary is compiled for, to be embedded in it
 * (src/backends/cpu/embedded-library.ts imports the file; `HODU_EMBEDDED_CPU` carries its checksum).
 * Sources and flags come from the plugin's package.json and the same compile line `hodu plugin install` uses
 * (src/plugins/build-native.ts compileCommand), so there is one source of truth; only the compiler differs
 * when cross-building (linux-arm64 on x64: Debian's gcc-aarch64-linux-gnu).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cCompiler, compileCommand } from '../src/plugins/build-native';
import type { HoduSection } from '../src/plugins/package-manifest';

/** Where the library is written, relative to the source root the binary is compiled from (the import's path). */
export const EMBEDDED_CPU_FILE = join('dist', 'embedded', 'libhodu_cpu.so');

/** What the binary learns at build time (the `HODU_EMBEDDED_CPU` define, as JSON); empty when nothing is embedded. */
export interface EmbeddedCpuInfo {
  version: string;
  /** Hex sha256 of the embedded library. */
  sha256: string;
  /** `uname -m` vocabulary (x86_64, aarch64): the machines it runs on. */
  arch: string;
  /** The ops and dtypes package.json declares (`hodu ops`, `hodu plugin list`). */
  ops: string[];
  dtypes: string[];
}

/** `bun build --target` (or the host) → the Linux architecture and the C compiler that builds for it; undefined: not a Linux target. */
function toolchain(target: string | undefined): { arch: string; cc: string[] } | undefined {
  const hostArch = process.arch === 'arm64' ? 'aarch64' : process.arch === 'x64' ? 'x86_64' : process.arch;
  const m = /^bun-(\w+)-(x64|arm64|aarch64)/.exec(target ?? '');
  const os = m ? m[1] : process.platform;
  if (os !== 'linux') return undefined;
  const arch = !m ? hostArch : m[2] === 'x64' ? 'x86_64' : 'aarch64';
  if (arch === hostArch) return { arch, cc: cCompiler() };
  return { arch, cc: [`${arch}-linux-gnu-gcc`] };
}

/**
 * Compiles the library into `outRoot/EMBEDDED_CPU_FILE` and returns what to record, or undefined (with an
 * empty placeholder file, so the import still resolves) for a platform hodu embeds no library for.
 * Throws with the compiler's output when the build fails or the cross-compiler is missing.
 */
export function buildEmbeddedCpu(o: { root: string; outRoot: string; target?: string; log: (line: string) => void }): EmbeddedCpuInfo | undefined {
  const out = join(o.outRoot, EMBEDDED_CPU_FILE);
  mkdirSync(join(o.outRoot, 'dist', 'embedded'), { recursive: true });
  rmSync(out, { force: true });
  const tc = toolchain(o.target);
  if (!tc) {
    writeFileSync(out, new Uint8Array(0));
    o.log(`no embedded cpu backend for ${o.target}: only Linux builds embed it`);
    return undefined;
  }
  const pluginDir = join(o.root, 'plugins', 'backend-cpu');
  const pkg = JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')) as { version: string; hodu: HoduSection & { capabilities?: { ops?: string[]; dtypes?: string[] } } };
  const native = pkg.hodu.native;
  if (!native) throw new Error('plugins/backend-cpu/package.json has no hodu.native section');
  const cmd = [...tc.cc, ...compileCommand({ ...native, library: out }, join(o.root, 'ffi'), 'release').slice(cCompiler().length)];
  if (!Bun.which(tc.cc[0]!)) {
    throw new Error(`building the embedded cpu backend for ${tc.arch} needs ${tc.cc[0]} (Debian: apt-get install gcc-${tc.arch.replace('_', '-')}-linux-gnu)`);
  }
  const r = Bun.spawnSync(cmd, { cwd: pluginDir, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0 || !existsSync(out)) {
    throw new Error(`building plugins/backend-cpu failed (exit ${r.exitCode}):\n  $ ${cmd.join(' ')}\n${`${r.stdout}${r.stderr}`.trim()}`);
  }
  const sha256 = new Bun.CryptoHasher('sha256').update(readFileSync(out)).digest('hex');
  return { version: pkg.version, sha256, arch: tc.arch, ops: pkg.hodu.capabilities?.ops ?? [], dtypes: pkg.hodu.capabilities?.dtypes ?? [] };
}
