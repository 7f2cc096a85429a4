import { join } from 'node:path';

/** The compiled binary (`npm run build`). */
export const HODU_BINARY = join(import.meta.dir, '..', '..', 'dist', 'hodu');

/** Spawns a command with captured output and a kill timeout (exit code -1 on timeout). */
export async function spawnCapture(cmd: string, args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn([cmd, ...args], { stdout: 'pipe', stderr: 'pipe', env: { ...process.env, NO_COLOR: '1', ...env } });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.kill('SIGKILL');
  }, timeoutMs);
  const [stdout, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  const code = await proc.exited;
  clearTimeout(timer);
  return { code: timedOut ? -1 : code, stdout, stderr: timedOut ? `timed out after ${timeoutMs} ms\n${stderr}` : stderr };
}
