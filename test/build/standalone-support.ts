/**
 * Shared by test/build/standalone*.test.ts: compiles the standalone executable's main
 * (src/build/c/standalone/*.c) with a hand-written model behind hodu_model.h, runs it, and builds the .npy
 * variants numpy can write but hodu's own writer does not (big-endian, version 2.0 headers).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standaloneCFiles as embeddedCFiles } from '../../src/build/standalone-sources';
import { writeNpy } from '../../src/formats/npy/write-npy';
import type { Tensor } from '../../src/ir/tensor';
import { cCompiler, checkTools } from '../support/optional-tools';

export const ROOT = join(import.meta.dir, '..', '..');
export const STANDALONE_DIR = join(ROOT, 'src', 'build', 'c', 'standalone');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'build');

export const STRICT = ['-std=c11', '-O2', '-Wall', '-Wextra', '-Werror'];
/** UB aborts (no recovery) so that the exit status shows it; -O1 -g keeps reports readable. */
export const SANITIZE = ['-std=c11', '-O1', '-g', '-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-fno-omit-frame-pointer'];

/** The standalone main's C files in the repository: the list `hodu build --standalone` compiles (src/build/standalone-sources.ts). */
export function standaloneCFiles(): string[] {
  return embeddedCFiles.map((f) => join(STANDALONE_DIR, f));
}

/** Compiles sources (+ the include dirs of hodu_model.h and standalone.h) into `out`; throws with the log. */
export function compile(sources: string[], out: string, flags: string[] = STRICT): void {
  const args = [cCompiler(), ...flags, `-I${join(ROOT, 'src', 'build', 'c')}`, `-I${STANDALONE_DIR}`, ...sources, '-o', out, '-lm'];
  const r = Bun.spawnSync(args, { stderr: 'pipe', stdout: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${args.join(' ')}\n${r.stderr.toString()}`);
}

/** The standalone executable over test/fixtures/build/<model>.c. */
export function buildStandalone(model: 'add-model' | 'typed-model', out: string, flags: string[] = STRICT): string {
  compile([...standaloneCFiles(), join(FIXTURES, `${model}.c`)], out, flags);
  return out;
}

/**
 * The sanitizer flags when there is a C compiler and it can build and run a program with them, else why not
 * (so that the test is skipped with the reason). Probed in a temporary folder, removed again; call it when
 * the test file loads, so that the skip is decided before the tests are declared.
 */
export function sanitizerSupport(): { flags: string[] } | { skip: string } {
  if (!checkTools(['cc']).run) return { skip: 'no C compiler' };
  const dir = mkdtempSync(join(tmpdir(), 'hodu-asan-probe-'));
  try {
    writeFileSync(join(dir, 'probe.c'), 'int main(void) { return 0; }\n');
    const exe = join(dir, 'probe');
    const r = Bun.spawnSync([cCompiler(), ...SANITIZE, join(dir, 'probe.c'), '-o', exe], { stderr: 'pipe' });
    if (r.exitCode !== 0) return { skip: `${cCompiler()} cannot build with -fsanitize=address,undefined: ${r.stderr.toString().trim().split('\n')[0]}` };
    const run = Bun.spawnSync([exe], { stderr: 'pipe', env: sanitizerEnv() });
    if (run.exitCode !== 0) return { skip: `a -fsanitize=address,undefined program does not run here: ${run.stderr.toString().trim().split('\n')[0]}` };
    return { flags: SANITIZE };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sanitizer reports fail the run with a recognisable status; leaks are checked too where LSan works. */
export function sanitizerEnv(): Record<string, string> {
  return { ...process.env, ASAN_OPTIONS: 'exitcode=86:abort_on_error=0:detect_leaks=1', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1:exitcode=87' } as Record<string, string>;
}

export interface ExeResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export function runExe(exe: string, args: string[], cwd: string, env?: Record<string, string>): ExeResult {
  const r = Bun.spawnSync([exe, ...args], { cwd, stdout: 'pipe', stderr: 'pipe', env: env ?? (process.env as Record<string, string>) });
  return { code: r.exitCode, signal: r.signalCode == null ? null : String(r.signalCode), stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** writeNpy's bytes with the header rewritten as big-endian ('>') and the data byte-swapped. */
export function bigEndianNpy(t: Tensor): Uint8Array {
  const bytes = writeNpy(t).slice();
  const headerLen = bytes[8]! | (bytes[9]! << 8);
  const header = new TextDecoder('latin1').decode(bytes.subarray(10, 10 + headerLen));
  const at = header.indexOf("'<");
  if (at < 0) throw new Error(`no little-endian descr in ${header}`);
  bytes[10 + at + 1] = '>'.charCodeAt(0);
  const width = Number(/'<[a-zA-Z](\d+)'/.exec(header)![1]);
  for (let p = 10 + headerLen; p + width <= bytes.length; p += width) bytes.subarray(p, p + width).reverse();
  return bytes;
}

/** The same array with a version 2.0 header (4-byte header length), as numpy writes past 65535 bytes. */
export function version2Npy(t: Tensor): Uint8Array {
  const v1 = writeNpy(t);
  const headerLen = v1[8]! | (v1[9]! << 8);
  // Two more length bytes: drop two of the header's padding spaces so the data stays 64-byte aligned.
  const header = v1.subarray(10, 10 + headerLen);
  if (header[headerLen - 2] !== 0x20 || header[headerLen - 3] !== 0x20) throw new Error('the header has no padding to trim');
  const trimmed = new Uint8Array(headerLen - 2);
  trimmed.set(header.subarray(0, headerLen - 3));
  trimmed[trimmed.length - 1] = 0x0a;
  const out = new Uint8Array(12 + trimmed.length + (v1.length - 10 - headerLen));
  out.set(v1.subarray(0, 6));
  out[6] = 2;
  out[7] = 0;
  new DataView(out.buffer).setUint32(8, trimmed.length, true);
  out.set(trimmed, 12);
  out.set(v1.subarray(10 + headerLen), 12 + trimmed.length);
  return out;
}
