/**
 * The step comment of generated C (docs/abi.md, ABI 3): whatever a node is called, the comment stays one
 * comment that a C compiler accepts without a warning, and parsing it gives the names back.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatStepComment, parseStepComment } from '../../src/sdk/index';
import { testWithTools } from '../support/optional-tools';

const NASTY = ['plain', "it's", 'a*/b', '/*x*/', 'end*', '/start', 'back\\slash', 'new\nline\ttab\x7f', '*/*/', 'ünï 名前', '\\x41'];

let work: string;
beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'hodu-step-comment-'))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('parsing a formatted step comment gives back the step, kernel, node and op', () => {
  NASTY.forEach((node, step) => {
    const line = `  ${step}, ${formatStepComment({ step, kernel: 'conv_f32', node, op: 'Conv' })}`;
    expect(line).not.toContain('\n');
    expect(parseStepComment(line)).toEqual({ step, kernel: 'conv_f32', node, op: 'Conv' });
  });
  expect(parseStepComment('  3, /* a plain comment */')).toBeUndefined();
});

testWithTools(['cc'], 'the comments compile warning-free, each closing where it should', () => {
  const lines = NASTY.map((node, i) => `  ${i}, ${formatStepComment({ step: i, kernel: 'k_f32', node, op: 'Op' })}`);
  const src = join(work, 'steps.c');
  // Had a name closed its comment early, the rest of it would be code and fail to compile.
  writeFileSync(src, `const int steps[] = {\n${lines.join('\n')}\n};\nint count(void);\nint count(void) { return (int)(sizeof steps / sizeof steps[0]); }\n`);
  const r = Bun.spawnSync(['cc', '-std=c11', '-pedantic', '-Wall', '-Wextra', '-Werror', '-c', src, '-o', join(work, 'steps.o')], { stderr: 'pipe' });
  expect(r.stderr.toString()).toBe('');
  expect(r.exitCode).toBe(0);
});
