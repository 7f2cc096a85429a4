/**
 * What `hodu run` / `hodu inspect` say about a .so that is not a usable built model, through the compiled
 * binary: every case is a HoduError with a code, the path and a hint (exit 1 or 2), never a crash.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostArch } from '../../src/plugins/native/arch';
import { describeWithTools, testWithTools } from '../support/optional-tools';
import { hodu, requireBinary, tempDir, writeNpyFile } from '../e2e/hodu';
import { Tensor } from '../../src/ir/tensor';
import { ADD_MODEL_C, BROKEN_MODEL_C, compileLibrary, RELU_PLUGIN_C } from './build-fixture';

const tmp = tempDir('hodu-artifact-errors-');
const at = (name: string) => join(tmp.dir, name);
const run = (file: string, ...more: string[]) => hodu(['run', file, '--random-inputs', ...more], { cwd: tmp.dir });
const BROKEN = ['ONLY_INFO', 'BAD_JSON', 'NEWER_API', 'DISAGREE', 'FAIL_CREATE', 'FAIL_RUN', 'CRASH_RUN'] as const;

/** A failure the user can act on: exit code, error code and the path in the message, a hint, no crash report. */
function expectError(r: { code: number; stderr: string }, code: string, exit = 1): void {
  expect(r.stderr).toContain(`error[${code}]`);
  expect(r.stderr).toContain('hint:');
  expect(r.stderr).not.toContain('panic');
  expect(r.code).toBe(exit);
}

beforeAll(() => {
  requireBinary();
  compileLibrary(ADD_MODEL_C, at('libadd.so'));
  compileLibrary(BROKEN_MODEL_C, at('libdouble.so'));
  for (const d of BROKEN) compileLibrary(BROKEN_MODEL_C, at(`lib-${d}.so`), { defines: [d] });
  writeFileSync(at('other.c'), 'int answer(void) { return 42; }\n');
  compileLibrary(at('other.c'), at('libother.so'));
  compileLibrary(RELU_PLUGIN_C, at('librelu.so'), { includes: [join(import.meta.dir, '..', 'fixtures', 'plugins')] });
}, 120_000);
afterAll(() => tmp.cleanup());

describeWithTools(['cc'], 'a .so that hodu cannot run', () => {
  test('the control: the correct model of broken-model.c runs (y = 2x)', () => {
    writeNpyFile(at('x.npy'), new Tensor('float32', [3], new Float32Array([1, -2, 3.5])));
    const r = hodu(['run', at('libdouble.so'), '--input', `x=${at('x.npy')}`, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs[0].data).toEqual([2, -4, 7]);
  });

  test('a shared library that is no hodu model', () => {
    const r = run(at('libother.so'));
    expectError(r, 'E_ARTIFACT');
    expect(r.stderr).toContain(`${at('libother.so')}: is a shared library but not a model built by \`hodu build\``);
  });

  test('a hodu plugin: the hint says how to install one', () => {
    for (const cmd of ['run', 'inspect']) {
      const r = hodu([cmd, at('librelu.so')], { cwd: tmp.dir });
      expectError(r, 'E_ARTIFACT');
      expect(r.stderr).toContain('is a hodu plugin, not a built model');
      expect(r.stderr).toContain('hodu plugin install --path');
    }
  });

  test('truncated copies (cut anywhere) are refused before dlopen, for run and inspect', () => {
    const whole = readFileSync(at('libadd.so'));
    for (const n of [4, 40, 64, 2000, Math.floor(whole.length / 2), whole.length - 1]) {
      writeFileSync(at('cut.so'), whole.subarray(0, n));
      for (const cmd of ['run', 'inspect']) {
        const r = cmd === 'run' ? run(at('cut.so')) : hodu(['inspect', at('cut.so')]);
        expectError(r, 'E_ARTIFACT');
        expect(r.stderr).toContain('is truncated or damaged');
      }
    }
  });

  test('a text file named .so', () => {
    writeFileSync(at('notes.so'), 'hello\n');
    const r = run(at('notes.so'));
    expectError(r, 'E_ARTIFACT');
    expect(r.stderr).toContain('is not a shared library (no ELF or Mach-O header)');
  });

  test('a FIFO named .so is refused without waiting for a writer', () => {
    expect(Bun.spawnSync(['mkfifo', at('fifo.so')]).exitCode).toBe(0);
    for (const cmd of ['run', 'inspect']) expectError(hodu([cmd, at('fifo.so')]), 'E_NOT_A_FILE', 2);
  });

  test('a library with only part of the API names what it lacks', () => {
    const r = run(at('lib-ONLY_INFO.so'));
    expectError(r, 'E_ARTIFACT');
    expect(r.stderr).toContain('exports hodu_model_info_json but not hodu_model_input_count');
    expect(r.stderr).toContain('hodu_model_destroy');
  });

  test('info JSON that is not JSON, of a newer API, or disagreeing with the descriptors', () => {
    expect(run(at('lib-BAD_JSON.so')).stderr).toContain('hodu_model_info_json() is not valid JSON');
    expect(run(at('lib-NEWER_API.so')).stderr).toContain('built model API 2, this hodu reads API 1');
    const disagree = hodu(['inspect', at('lib-DISAGREE.so')]);
    expectError(disagree, 'E_ARTIFACT');
    expect(disagree.stderr).toContain('its inputs disagree: hodu_model_input() says x:float32[3], the info JSON says x:float32[4]');
  });

  test('a failed create or run: E_ARTIFACT_RUN with the library\'s own message', () => {
    const create = run(at('lib-FAIL_CREATE.so'));
    expectError(create, 'E_ARTIFACT_RUN');
    expect(create.stderr).toContain('failed: weights do not fit in memory');
    const failed = run(at('lib-FAIL_RUN.so'));
    expectError(failed, 'E_ARTIFACT_RUN');
    expect(failed.stderr).toContain('run failed (status 4, internal error): step 0 (Mul) could not run');
    // inspect creates nothing, so a model that fails only when run still shows.
    expect(hodu(['inspect', at('lib-FAIL_RUN.so')]).code).toBe(0);
  });

  test('--isolate: a model that crashes takes only the child down; the error names the signal and the phase', () => {
    const r = run(at('lib-CRASH_RUN.so'), '--isolate');
    expectError(r, 'E_ARTIFACT_RUN');
    expect(r.stderr).toContain(`${at('lib-CRASH_RUN.so')} crashed with SIGSEGV while running`);
    expect(r.stderr).toContain('ran in a child process');
  });
});

const foreignArch = 'a model built for aarch64 is refused with both architectures named';
if (hostArch() === 'aarch64') test.skip(`${foreignArch} [skipped: this machine is aarch64, so the cross-built library is native]`, () => {});
else testWithTools(['aarch64-linux-gnu-gcc'], foreignArch, () => {
  const lib = compileLibrary(ADD_MODEL_C, at('libadd-aarch64.so'), { cc: 'aarch64-linux-gnu-gcc' });
  for (const cmd of ['run', 'inspect']) {
    const r = cmd === 'run' ? run(lib) : hodu(['inspect', lib]);
    expectError(r, 'E_ARTIFACT_ARCH');
    expect(r.stderr).toContain(`built for aarch64, this is ${hostArch()}`);
    expect(r.stderr).toContain('qemu-aarch64');
  }
}, 60_000);
