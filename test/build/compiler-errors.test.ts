/**
 * The compiler-error parser on real compiler output: a generated file with step comments and a deliberate
 * error in one step's code, compiled with the machine's C compiler (gcc or clang; skipped without one).
 */
import { afterAll, expect, test } from 'bun:test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstCompilerError, runCompiler, stepAt } from '../../src/build/compiler';
import { HoduError } from '../../src/errors';
import { formatStepComment } from '../../src/sdk/step-comment';
import { tempDir } from '../e2e/hodu';
import { cCompiler, testWithTools } from '../support/optional-tools';

const tmp = tempDir('hodu-cc-errors-');
afterAll(() => tmp.cleanup());

const GENERATED = `#include <stdint.h>
/* step 0: Relu_f32, node 'first relu' (Relu) */
static void step0(float *x) { x[0] = x[0] > 0 ? x[0] : 0; }
/* step 1: Add_f32, node 'the/add:0' (Add) */
static void step1(float *x) {
  x[0] = x[0] + undeclared_thing;
}
/* step 2: Mul_f32, node 'mul' (Mul) */
static void step2(float *x) { x[0] *= 2; }
void run(float *x) { step0(x); step1(x); step2(x); }
`;

testWithTools([cCompiler()], 'the first error of a real compile is mapped to the node of the step comment above it', async () => {
  const src = join(tmp.dir, 'steps.c');
  writeFileSync(src, GENERATED);
  const r = Bun.spawnSync([cCompiler(), '-c', 'steps.c', '-o', 'steps.o'], { cwd: tmp.dir, stdout: 'pipe', stderr: 'pipe' });
  expect(r.exitCode).not.toBe(0);
  const e = firstCompilerError(`${r.stdout}${r.stderr}`, tmp.dir);
  expect(e?.file).toBe(src);
  expect(e?.line).toBe(6);
  expect(e?.message).toContain('undeclared_thing');
  expect(e?.node).toEqual({ step: 1, kernel: 'Add_f32', name: 'the/add:0', op: 'Add' });
});

testWithTools([cCompiler()], 'runCompiler: E_BUILD_COMPILE with file:line, node and the log, which holds the command and all output', async () => {
  writeFileSync(join(tmp.dir, 'steps2.c'), GENERATED);
  const log = join(tmp.dir, 'logs', 'build.log');
  const error = await runCompiler({ cmd: [cCompiler(), '-c', 'steps2.c', '-o', 'steps2.o'], cwd: tmp.dir, log, what: 'the model' }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HoduError);
  const h = error as HoduError;
  expect(h.code).toBe('E_BUILD_COMPILE');
  expect(h.message).toContain(`${join(tmp.dir, 'steps2.c')}:6:`);
  expect(h.message).toContain("node 'the/add:0' (Add, step 1, kernel Add_f32)");
  expect(h.message).toContain(log);
  expect(existsSync(log)).toBe(true);
  expect(readFileSync(log, 'utf8')).toContain('steps2.c -o steps2.o');
  expect(readFileSync(log, 'utf8')).toContain('undeclared_thing');
});

test('an error outside generated code has no node; a line above every step comment neither', () => {
  expect(stepAt(GENERATED, 1)).toBeUndefined();
  expect(stepAt(GENERATED, 9)?.name).toBe('mul');
  const e = firstCompilerError("In file included from x.c:1:\n/usr/include/foo.h:3:10: fatal error: bar.h: No such file or directory\n", '/w', () => undefined);
  expect(e).toEqual({ file: '/usr/include/foo.h', line: 3, column: 10, message: 'bar.h: No such file or directory' });
});

testWithTools([cCompiler()], "a node name holding ', */ and a backslash maps back exactly (the SDK's parser undoes the escaping)", async () => {
  const name = "it's */ a\\b";
  const src = join(tmp.dir, 'escaped.c');
  writeFileSync(src, `${formatStepComment({ step: 4, kernel: 'Relu_f32', node: name, op: 'Relu' })}\nstatic int step4(void) { return undeclared_thing; }\n`);
  const r = Bun.spawnSync([cCompiler(), '-c', 'escaped.c', '-o', 'escaped.o'], { cwd: tmp.dir, stdout: 'pipe', stderr: 'pipe' });
  expect(r.exitCode).not.toBe(0);
  const e = firstCompilerError(`${r.stdout}${r.stderr}`, tmp.dir);
  expect(e?.line).toBe(2);
  expect(e?.node).toEqual({ step: 4, kernel: 'Relu_f32', name, op: 'Relu' });
});
