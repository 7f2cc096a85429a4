/** The system tools plugins and the builder use: a C compiler, cross-compilers for --target, git. */
import type { CheckOutcome, DoctorCheck } from './types';

/** First line of `tool --version`, or undefined when the tool is missing or fails. */
export async function toolVersion(path: string): Promise<string | undefined> {
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
    return { status: 'warn', detail: 'no C compiler found (tried cc, gcc, clang)', hint: 'native plugins and `hodu build` need one: sudo apt-get install build-essential (macOS: xcode-select --install)' };
  },
};

/** Cross-compilers for the other Linux architecture (the builder's --target). */
const CROSS: Record<string, { target: string; tool: string; apt: string }[]> = {
  x64: [{ target: 'linux-arm64', tool: 'aarch64-linux-gnu-gcc', apt: 'gcc-aarch64-linux-gnu' }],
  arm64: [{ target: 'linux-x64', tool: 'x86_64-linux-gnu-gcc', apt: 'gcc-x86-64-linux-gnu' }],
};

export const crossCompilerCheck: DoctorCheck = {
  id: 'cross-cc',
  title: 'cross-compilers',
  async run(ctx) {
    const wanted = process.platform === 'linux' ? (CROSS[process.arch] ?? []) : [];
    if (wanted.length === 0) return { status: 'ok', detail: `none expected on ${process.platform}-${process.arch}` };
    return Promise.all(
      wanted.map(async (w): Promise<CheckOutcome> => {
        const title = `cross-compiler for ${w.target}`;
        const path = which(w.tool, ctx.env);
        const version = path && (await toolVersion(path));
        if (version) return { title, status: 'ok', detail: `${w.tool}: ${version}` };
        return { title, status: 'warn', detail: `${w.tool} not found (only needed for --target ${w.target})`, hint: `sudo apt-get install ${w.apt}` };
      }),
    );
  },
};

export const gitCheck: DoctorCheck = {
  id: 'git',
  title: 'git',
  async run(ctx) {
    const path = which('git', ctx.env);
    const version = path && (await toolVersion(path));
    if (version) return { status: 'ok', detail: version };
    return { status: 'warn', detail: 'git not found (needed to install plugins from git URLs)', hint: 'sudo apt-get install git' };
  },
};
