/**
 * A negative number after a string option is that option's value (`--warmup -1`, `--threads -1`): checkArgs
 * accepts it, and joinNegativeValues hands it to citty as `--flag=-1`, which otherwise read it as a flag of its
 * own and left the option empty ("--warmup must be a non-negative integer, got ''").
 */
import { expect, test } from 'bun:test';
import type { ArgDef } from 'citty';
import { joinNegativeValues } from '../../src/cli/check-args';
import { main } from '../../src/cli/main';

const defs: Record<string, ArgDef> = {
  model: { type: 'positional' },
  warmup: { type: 'string' },
  level: { type: 'string', alias: 'L' },
  json: { type: 'boolean' },
};

test('joinNegativeValues: a negative number after a string option joins it; nothing else changes', () => {
  expect(joinNegativeValues(defs, ['m.onnx', '--warmup', '-1', '--json'])).toEqual(['m.onnx', '--warmup=-1', '--json']);
  expect(joinNegativeValues(defs, ['-L', '-2'])).toEqual(['--level=-2']);
  // Not after a boolean, not a word, not past `--`, not an already joined value.
  expect(joinNegativeValues(defs, ['--json', '-1'])).toEqual(['--json', '-1']);
  expect(joinNegativeValues(defs, ['--warmup', '-x'])).toEqual(['--warmup', '-x']);
  expect(joinNegativeValues(defs, ['--', '--warmup', '-1'])).toEqual(['--', '--warmup', '-1']);
  expect(joinNegativeValues(defs, ['--warmup=-1', '-3'])).toEqual(['--warmup=-1', '-3']);
});

/** hodu's exit code and stderr for `argv`, in process. */
async function hoduIn(argv: string[]): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(argv), stderr: lines.join('') };
  } finally {
    process.stderr.write = write;
  }
}

test('hodu run --benchmark --warmup -1 / --runs -3 / --threads -1: refused naming the value given', async () => {
  const cases: [string[], string][] = [
    [['--benchmark', '--warmup', '-1'], "--warmup must be a non-negative integer, got '-1'"],
    [['--benchmark', '--runs', '-3'], "--runs must be a positive integer, got '-3'"],
    [['--threads', '-1'], "--threads must be an integer from 1 to"],
  ];
  for (const [flags, message] of cases) {
    const r = await hoduIn(['run', 'no-such-model.onnx', '--random-inputs', ...flags]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(message)]);
  }
});
