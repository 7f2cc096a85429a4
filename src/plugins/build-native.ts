import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoduError } from '../errors';
import { writeFileAtomic } from '../util/atomic-write';
import { shellJoin, shellQuote } from '../util/shell-quote';
import { nativeEmbeddedFiles } from './native-bridge';
import type { HoduSection } from './package-manifest';
import { sdkIncludeDir } from '../home';

export type BuildProfile = 'release' | 'debug';

/** The C compiler hodu uses: `$CC` (may carry flags, e.g. "ccache gcc"), else `cc`. */
export function cCompiler(): string[] {
  const cc = process.env.CC?.trim();
  return cc ? cc.split(/\s+/) : ['cc'];
}

/**
 * Writes the C SDK headers embedded in this binary to `sdkIncludeDir()`, so plugins always compile
 * against the ABI of the hodu that loads them. Unchanged files are left alone.
 */
export async function writeSdkHeaders(): Promise<string> {
  const { ffiHeaders } = await nativeEmbeddedFiles();
  const dir = sdkIncludeDir();
  for (const [rel, text] of Object.entries(ffiHeaders as Record<string, string>)) {
    const file = join(dir, rel);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    writeFileAtomic(file, text);
  }
  return dir;
}

/** The compiler command line for a native plugin (exported for tests and `--verbose`). */
export function compileCommand(native: NonNullable<HoduSection['native']>, includeDir: string, profile: BuildProfile): string[] {
  const opt = profile === 'debug' ? ['-O0', '-g'] : ['-O2'];
  return [
    ...cCompiler(),
    '-std=c11', ...opt, '-fPIC', '-shared', `-I${includeDir}`,
    ...(native.cflags ?? []),
    ...native.sources,
    '-o', native.library,
    ...(native.ldflags ?? []),
  ];
}

/**
 * Compiles a native plugin in `dir` (its sources are relative to it) and returns the library path.
 * A failed build throws E_PLUGIN_BUILD with the command (shell-quoted, run from `shownDir`: the package
 * folder the user knows, since `dir` is usually a staging copy that is deleted) and the compiler's output.
 */
export async function buildNativePlugin(name: string, dir: string, native: NonNullable<HoduSection['native']>, profile: BuildProfile, shownDir = dir): Promise<string> {
  for (const src of native.sources) {
    if (!existsSync(join(dir, src))) {
      throw new HoduError('E_PLUGIN_BUILD', `plugin '${name}': source file ${src} listed in hodu.native.sources does not exist`, { hint: 'fix the list in package.json' });
    }
  }
  const includeDir = await writeSdkHeaders();
  const cmd = compileCommand(native, includeDir, profile);
  let proc: ReturnType<typeof Bun.spawn>;
  try {
    proc = Bun.spawn(cmd, { cwd: dir, stdout: 'pipe', stderr: 'pipe', env: process.env });
  } catch (e) {
    throw new HoduError('E_MISSING_TOOL', `plugin '${name}': cannot run the C compiler '${cmd[0]}' (${e instanceof Error ? e.message : String(e)})`, {
      hint: 'install one (Debian/Ubuntu: `sudo apt-get install build-essential`) or set CC',
    });
  }
  // Async, so that Ctrl+C/SIGTERM reach hodu mid-build: the compiler is killed and the staging is rolled back.
  const { childInterruptSignal, interruptedThroughChild, onInterrupt } = await import('../util/interrupt');
  const unregister = onInterrupt(() => proc.kill());
  const [stdout, stderr, exitCode] = await Promise.all([new Response(proc.stdout as ReadableStream).text(), new Response(proc.stderr as ReadableStream).text(), proc.exited]).finally(unregister);
  // A compiler killed by Ctrl+C/SIGTERM is the user interrupting, not a build error: the interrupt handler
  // rolls back the staging copy and exits 130/143, so this build never returns.
  const signal = childInterruptSignal(proc.signalCode, exitCode);
  if (signal && interruptedThroughChild(signal)) return new Promise<never>(() => {});
  const library = join(dir, native.library);
  if (exitCode !== 0 || !existsSync(library)) {
    const output = `${stdout}${stderr}`.trim();
    const tail = output.split('\n').slice(-40).join('\n');
    throw new HoduError('E_PLUGIN_BUILD', `plugin '${name}': the C build failed (exit ${proc.signalCode ?? exitCode}):\n  $ cd ${shellQuote(shownDir)} && ${shellJoin(cmd)}\n${tail.replace(/^/gm, '  ')}`, {
      hint: 'fix the errors above in the plugin sources (paths are relative to its package.json); nothing was installed',
    });
  }
  return library;
}
