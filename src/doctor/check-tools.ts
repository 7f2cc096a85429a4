/**
 * System tools an existing command needs: a C compiler (`hodu plugin install` builds native plugins with it).
 * Cross-compilers and git get a check when a command uses them (`--target`, installing from git URLs).
 */
import type { DoctorCheck } from './types';

/** First line of `tool --version`, or undefined when the tool is missing or fails. */
async function toolVersion(path: string): Promise<string | undefined> {
  try {
    const p = Bun.spawn([path, '--version'], { stdout: 'pipe', stderr: 'pipe', stdin: 'ignore' });
    const [text, code] = await Promise.all([new Response(p.stdout).text(), p.exited]);
    return code === 0 ? (text.split('\n').find((l) => l.trim()) ?? '').trim() : undefined;
  } catch {
    return undefined;
  }
}

const which = (tool: string, env: Record<string, string | undefined>) => Bun.which(tool, { PATH: env.PATH ?? '' }) ?? undefined;

export const compilerCheck: DoctorCheck = {
  id: 'cc',
  title: 'C compiler',
  async run(ctx) {
    // $CC may carry flags ("ccache gcc"); its first word is what must exist.
    const fromEnv = ctx.env.CC?.trim().split(/\s+/)[0];
    const candidates = fromEnv ? [fromEnv] : ['cc', 'gcc', 'clang'];
    for (const tool of candidates) {
      const path = which(tool, ctx.env);
      if (!path) continue;
      const version = await toolVersion(path);
      if (version) return { status: 'ok', detail: `${tool} (${path}): ${version}${fromEnv ? ' (from $CC)' : ''}` };
    }
    if (fromEnv) return { status: 'error', detail: `$CC is '${ctx.env.CC}', which is not found or does not run`, hint: 'unset CC or point it at a working C compiler' };
    return { status: 'warn', detail: 'no C compiler found (tried cc, gcc, clang)', hint: 'only needed to install native (C) plugins: sudo apt-get install build-essential (macOS: xcode-select --install)' };
  },
};
