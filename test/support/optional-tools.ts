/**
 * Tests that shell out to a system tool a fresh machine may lack (shellcheck, zsh, fish, curl, setpriv, a C
 * compiler, …) go through `testWithTools` / `describeWithTools`. Where a tool is missing the test is skipped
 * and says why in its name, so `npm test` passes on a machine with only Node and npm and the report shows
 * what was not covered. Under CI (CI=true) `.ci/run` installs every tool, so a missing one is a failing test
 * instead of a silent skip.
 */
import { describe, test } from 'bun:test';

/** The Debian package `.ci/run` installs for each tool (a test keeps these two lists in sync). */
export const CI_TOOL_PACKAGES: Readonly<Record<string, string>> = {
  bash: 'bash',
  cc: 'gcc',
  curl: 'curl',
  fish: 'fish',
  openssl: 'openssl',
  wget: 'wget',
  shellcheck: 'shellcheck',
  setpriv: 'util-linux',
  zsh: 'zsh',
  'aarch64-linux-gnu-gcc': 'gcc-aarch64-linux-gnu',
  'qemu-aarch64': 'qemu-user',
  dot: 'graphviz',
  script: 'bsdutils',
  numpy: 'python3-numpy',
};

/**
 * Tools that are not a command of their own, found by running a probe that exits 0 when they are there
 * (numpy: a module of the python3 on PATH). `.ci/run` finds none of them with `command -v`, so it always
 * asks apt-get for their package (a no-op once installed).
 */
const PROBES: Readonly<Record<string, readonly string[]>> = {
  numpy: ['python3', '-c', 'import numpy'],
};

function present(tool: string, path: string): boolean {
  const probe = PROBES[tool];
  if (!probe) return Bun.which(tool, { PATH: path }) !== null;
  if (!Bun.which(probe[0]!, { PATH: path })) return false;
  return Bun.spawnSync([...probe], { env: { ...process.env, PATH: path }, stdout: 'ignore', stderr: 'ignore' }).exitCode === 0;
}

/** Tools no Debian package provides: CI cannot install them, so they are skipped there too. */
export const NOT_IN_CI: Readonly<Record<string, string>> = {
  pwsh: 'PowerShell is not packaged in Debian',
};

/** CI=true (or 1, yes): the convention of CI services and of `.ci/run`. */
export function underCi(env: Record<string, string | undefined> = process.env): boolean {
  return /^(true|1|yes)$/i.test(env.CI ?? '');
}

/** The C compiler tests use: the first word of $CC ("ccache gcc" → ccache), else `cc`. */
export function cCompiler(): string {
  return process.env.CC?.trim().split(/\s+/)[0] || 'cc';
}

export type ToolCheck = { run: true } | { run: false; skip: string } | { run: false; fail: string };

/** What a test needing `tools` must do on this machine: run, skip (with the reason) or fail (CI). */
export function checkTools(tools: readonly string[], env: Record<string, string | undefined> = process.env): ToolCheck {
  const missing = tools.filter((t) => !present(t, env.PATH ?? ''));
  if (missing.length === 0) return { run: true };
  const installable = missing.filter((t) => !(t in NOT_IN_CI));
  if (underCi(env) && installable.length > 0) {
    return { run: false, fail: `${installable.join(', ')} not found on PATH; CI=true requires ${installable.length > 1 ? 'them' : 'it'} (.ci/run installs: apt-get install ${installable.map((t) => CI_TOOL_PACKAGES[t] ?? t).join(' ')})` };
  }
  const how = missing.map((t) => (NOT_IN_CI[t] ? `${t}: ${NOT_IN_CI[t]}` : `apt-get install ${CI_TOOL_PACKAGES[t] ?? t}`)).join('; ');
  return { run: false, skip: `${missing.join(', ')} not found on PATH (${how})` };
}

const skipTitle = (name: string, reason: string) => `${name} [skipped: ${reason}]`;

/** `test(name, fn)` that needs `tools` on PATH: skipped with the reason when missing, failing under CI. */
export function testWithTools(tools: readonly string[], name: string, fn: () => unknown, timeoutMs?: number): void {
  const c = checkTools(tools);
  if (c.run) test(name, fn as () => void, timeoutMs);
  else if ('skip' in c) test.skip(skipTitle(name, c.skip), fn as () => void);
  else
    test(name, () => {
      throw new Error(c.fail);
    });
}

/** `describe(name, body)` whose tests all need `tools`; under CI a missing tool is one failing test. */
export function describeWithTools(tools: readonly string[], name: string, body: () => void): void {
  const c = checkTools(tools);
  if (c.run) describe(name, body);
  else if ('skip' in c) describe.skip(skipTitle(name, c.skip), body);
  else
    describe(name, () => {
      test('needs its system tools', () => {
        throw new Error(c.fail);
      });
    });
}
