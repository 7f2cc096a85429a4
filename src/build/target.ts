/**
 * `hodu build --target`: which machine an artifact is built for, and the C compiler and archiver that build
 * for it. The native target uses $CC (as plugins do); a Linux target of another architecture uses its GNU
 * cross compiler (`aarch64-linux-gnu-gcc`), else clang with `--target` when a sysroot for it is installed.
 */
import { existsSync } from 'node:fs';
import { HoduError } from '../errors';
import { cCompiler } from '../plugins/build-native';

export interface BuildTarget {
  /** Normalized triple: x86_64-linux-gnu, aarch64-linux-gnu, or the host's for native on another OS. */
  triple: string;
  /** `uname -m` name of the machine it runs on. */
  arch: string;
  /** Whether it is the machine hodu runs on (the artifact can run here). */
  native: boolean;
}

/** Targets `--target` accepts besides `native`: normalized triple → aliases. */
const KNOWN: Readonly<Record<string, { arch: string; aliases: string[] }>> = {
  'x86_64-linux-gnu': { arch: 'x86_64', aliases: ['linux-x64', 'x86_64-linux', 'x86_64-unknown-linux-gnu', 'amd64-linux'] },
  'aarch64-linux-gnu': { arch: 'aarch64', aliases: ['linux-arm64', 'aarch64-linux', 'aarch64-unknown-linux-gnu', 'arm64-linux'] },
};

function hostArch(): string {
  return process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch;
}

function hostTriple(): string {
  if (process.platform === 'linux') return `${hostArch()}-linux-gnu`;
  if (process.platform === 'darwin') return `${hostArch() === 'aarch64' ? 'arm64' : hostArch()}-apple-darwin`;
  return `${hostArch()}-${process.platform}`;
}

/** The targets `--target` accepts, for help and errors. */
export function knownTargets(): string[] {
  return ['native', ...Object.entries(KNOWN).map(([t, k]) => `${t} (${k.aliases[0]})`)];
}

/** Parses `--target` (undefined or 'native': this machine). Unknown → E_BUILD_TARGET listing the known ones. */
export function parseTarget(text: string | undefined): BuildTarget {
  const host = hostTriple();
  const wanted = (text ?? 'native').trim().toLowerCase();
  if (wanted === 'native' || wanted === '' || wanted === host) return { triple: host, arch: hostArch(), native: true };
  for (const [triple, k] of Object.entries(KNOWN)) {
    if (wanted === triple || k.aliases.includes(wanted)) {
      const native = triple === host;
      return { triple, arch: k.arch, native };
    }
  }
  throw new HoduError('E_BUILD_TARGET', `unknown --target '${text}'; hodu builds for: ${knownTargets().join(', ')}`, {
    hint: 'e.g. --target aarch64-linux-gnu (docs/build.md, "Cross-compiling")',
  });
}

export interface Toolchain {
  /** The compiler command (may carry flags, e.g. ['ccache', 'gcc'] or ['clang', '--target=…']). */
  cc: string[];
  /** The archiver for `.a` files. */
  ar: string;
}

/** Where Debian and Homebrew ship a cross compiler for a target (for the error when none is found). */
function installHint(triple: string): string {
  const arch = triple.split('-')[0]!;
  return `install a cross compiler: Debian/Ubuntu \`sudo apt-get install gcc-${arch.replace('_', '-')}-linux-gnu\`, Homebrew \`brew install messense/macos-cross-toolchains/${arch}-unknown-linux-gnu\` (or clang with a ${triple} sysroot)`;
}

/** The compiler and archiver that build for `target` (throws E_MISSING_TOOL naming the package to install). */
export function toolchainFor(target: BuildTarget, which: (cmd: string) => string | null = (c) => Bun.which(c)): Toolchain {
  if (target.native) {
    const cc = cCompiler();
    if (!which(cc[0]!)) {
      throw new HoduError('E_MISSING_TOOL', `hodu build needs a C compiler: '${cc[0]}' is not on PATH`, {
        hint: 'install one (Debian/Ubuntu: `sudo apt-get install build-essential`, macOS: `xcode-select --install`) or set CC',
      });
    }
    return { cc, ar: process.env.AR?.trim() || 'ar' };
  }
  const gnu = `${target.triple}-gcc`;
  if (which(gnu)) return { cc: [gnu], ar: which(`${target.triple}-ar`) ? `${target.triple}-ar` : 'ar' };
  const sysroot = `/usr/${target.triple}`;
  if (which('clang') && existsSync(`${sysroot}/include`)) {
    const lld = which('ld.lld') ? ['-fuse-ld=lld'] : [];
    return { cc: ['clang', `--target=${target.triple}`, `--sysroot=${sysroot}`, ...lld], ar: which('llvm-ar') ? 'llvm-ar' : 'ar' };
  }
  throw new HoduError('E_MISSING_TOOL', `building for ${target.triple} needs ${gnu} (or clang with a ${target.triple} sysroot), and neither is installed`, {
    hint: installHint(target.triple),
  });
}
