import { HoduError } from '../errors';

/** Debian/Ubuntu packages that provide common build tools (for the install hint). */
const APT_PACKAGE: Record<string, string> = {
  cc: 'build-essential',
  gcc: 'gcc',
  'g++': 'g++',
  'c++': 'build-essential',
  clang: 'clang',
  make: 'make',
  cmake: 'cmake',
  'pkg-config': 'pkg-config',
  nvcc: 'nvidia-cuda-toolkit',
  git: 'git',
};

/** Tools from `tools` that are not on PATH. */
function missingTools(tools: readonly string[]): string[] {
  return tools.filter((t) => !Bun.which(t));
}

/** Throws E_MISSING_TOOL listing every missing tool at once, with an apt-get line for them. */
export function assertToolsPresent(plugin: string, tools: readonly string[]): void {
  const missing = missingTools(tools);
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((t) => APT_PACKAGE[t] ?? t))];
  throw new HoduError('E_MISSING_TOOL', `plugin '${plugin}' needs ${missing.map((t) => `'${t}'`).join(', ')}, not found on PATH`, {
    hint: `install ${missing.length > 1 ? 'them' : 'it'} (Debian/Ubuntu: \`sudo apt-get install ${pkgs.join(' ')}\`), then retry`,
  });
}
