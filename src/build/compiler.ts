/**
 * Running the C compiler for `hodu build`: its identity (part of every cache key), one compile or link with
 * its output kept in a log file, and a failure turned into E_BUILD_COMPILE naming the first error, the model
 * node it belongs to (the generated files mark each step with a comment) and the log.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { HoduError } from '../errors';
import { buildLogsDir } from '../home';
import { parseStepComment } from '../sdk/step-comment';
import { childInterruptSignal, interruptedBy, interruptedThroughChild, onInterrupt } from '../util/interrupt';
import { shellJoin } from '../util/shell-quote';

export { compilerIdentity, type CompilerIdentity } from '../util/compiler-identity';

/** One compiler error: where, what, and the model node whose generated code it is in (if any). */
interface CompilerError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The node named by the nearest `/* step N: KERNEL, node 'NAME' (OP) *\/` comment above the line. */
  node?: { step: number; kernel: string; name: string; op: string };
}

const ERROR_LINE = /^(.+?):(\d+):(?:(\d+):)?\s*(?:fatal )?error:\s*(.*)$/;

/** The first `file:line:col: error:` of a compiler's output (gcc and clang), with the node from `readSource`. */
export function firstCompilerError(output: string, cwd: string, readSource: (file: string) => string | undefined = readIfExists): CompilerError | undefined {
  for (const raw of output.split('\n')) {
    const m = ERROR_LINE.exec(raw.trim());
    if (!m) continue;
    const file = isAbsolute(m[1]!) ? m[1]! : resolve(cwd, m[1]!);
    const err: CompilerError = { file, line: Number(m[2]), column: Number(m[3] ?? 0), message: m[4]! };
    const node = stepAt(readSource(file), err.line);
    return node ? { ...err, node } : err;
  }
  return undefined;
}

function readIfExists(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The step comment (src/sdk/step-comment.ts) on or nearest above 1-based `line` of `source`. */
export function stepAt(source: string | undefined, line: number): CompilerError['node'] {
  if (!source) return undefined;
  const lines = source.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const c = parseStepComment(lines[i]!);
    if (c) return { step: c.step, kernel: c.kernel, name: c.node, op: c.op };
  }
  return undefined;
}

/** Where compiler logs go: $HODU_HOME/logs/build-<time>-<pid>.log (one per `hodu build`). */
export function buildLogPath(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(buildLogsDir(), `build-${stamp}-${process.pid}.log`);
}

interface CompileRun {
  cmd: string[];
  cwd: string;
  /** Log file the command and its output are appended to. */
  log: string;
  /** What is being built, for the error message (e.g. "the model", "the cpu kernel library"). */
  what: string;
}

/** Runs one compiler command; on failure throws E_BUILD_COMPILE (first error, node, log path). */
export async function runCompiler(run: CompileRun): Promise<void> {
  mkdirSync(dirname(run.log), { recursive: true });
  let proc: ReturnType<typeof Bun.spawn>;
  try {
    proc = Bun.spawn(run.cmd, { cwd: run.cwd, stdout: 'pipe', stderr: 'pipe', env: process.env });
  } catch (e) {
    throw new HoduError('E_MISSING_TOOL', `cannot run the C compiler '${run.cmd[0]}' (${e instanceof Error ? e.message : String(e)})`, {
      hint: 'install one (Debian/Ubuntu: `sudo apt-get install build-essential`) or set CC',
    });
  }
  // Ctrl+C/SIGTERM: the compiler is killed and the interrupt handler (src/main.ts) cleans up and exits 130/143.
  const unregister = onInterrupt(() => proc.kill());
  const [stdout, stderr, exitCode] = await Promise.all([new Response(proc.stdout as ReadableStream).text(), new Response(proc.stderr as ReadableStream).text(), proc.exited]).finally(unregister);
  // A compiler that died of Ctrl+C/SIGTERM (the terminal's, or killed by hodu's handler above) is the user
  // interrupting: the handler rolls back and exits 130/143, so this build never returns. A compiler that
  // merely failed is a compile error even when an interrupt was recorded earlier in this process.
  const signal = childInterruptSignal(proc.signalCode, exitCode);
  if ((signal && interruptedThroughChild(signal)) || (proc.signalCode !== null && interruptedBy())) return new Promise<never>(() => {});
  const output = `${stdout}${stderr}`;
  appendFileSync(run.log, `$ cd ${run.cwd} && ${shellJoin(run.cmd)}\n${output}${output.endsWith('\n') || !output ? '' : '\n'}`);
  if (exitCode === 0) return;
  throw compileError(run, output, exitCode);
}

function compileError(run: CompileRun, output: string, exitCode: number): HoduError {
  const first = firstCompilerError(output, run.cwd);
  const lines = [`compiling ${run.what} failed (${run.cmd[0]} exited ${exitCode})`];
  if (first) {
    lines.push(`  ${first.file}:${first.line}${first.column ? `:${first.column}` : ''}: error: ${first.message}`);
    if (first.node) lines.push(`  in the code of node '${first.node.name}' (${first.node.op}, step ${first.node.step}, kernel ${first.node.kernel})`);
  } else {
    const tail = output.trim().split('\n').slice(-8).join('\n');
    if (tail) lines.push(tail.replace(/^/gm, '  '));
  }
  lines.push(`  full compiler output: ${run.log}`);
  return new HoduError('E_BUILD_COMPILE', lines.join('\n'), {
    hint: `read ${run.log}; check CC/CFLAGS and the compiler install (\`${run.cmd[0]} --version\`)`,
  });
}
