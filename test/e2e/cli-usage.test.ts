/**
 * Command-line mistakes: one line on stderr plus a hint, exit 2, nothing on stdout; help only when asked
 * (`--help`, `hodu help CMD`), and one message style with "did you mean" for commands and arguments.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hodu, requireBinary, type HoduResult } from './hodu';

beforeAll(() => requireBinary());

function expectUsageError(r: HoduResult, message: string, hint?: string): void {
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toBe(`error[E_USAGE]: ${message}`);
  expect(lines.length).toBe(2);
  if (hint) expect(lines[1]).toBe(`  hint: ${hint}`);
  else expect(lines[1]).toMatch(/^ {2}hint: \S/);
  expect(r.code).toBe(2);
}

describe('top-level flags', () => {
  test('--version --json prints the version as JSON, not the help', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dir, '..', '..', 'package.json'), 'utf8'));
    const r = hodu(['--version', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout);
    expect(v.version).toBe(pkg.version);
    expect(v).toEqual(JSON.parse(hodu(['version', '--json']).stdout));
  });
  test('an unknown top-level option is one error line, without the help on stdout', () => {
    expectUsageError(hodu(['--bogus']), "unknown option '--bogus' for 'hodu'");
    expectUsageError(hodu(['--versoin']), "unknown option '--versoin' for 'hodu'", "did you mean '--version'?");
  });
  test('bare `hodu` and `hodu --help` still print the help', () => {
    for (const args of [[], ['--help']]) {
      const r = hodu(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('USAGE  hodu <command> [options]');
    }
  });
});

describe('hodu help', () => {
  test('`hodu help` and `hodu help CMD [SUB]` print the same text as --help', () => {
    expect(hodu(['help']).stdout).toBe(hodu(['--help']).stdout);
    expect(hodu(['help', 'run']).stdout).toBe(hodu(['run', '--help']).stdout);
    const sub = hodu(['help', 'plugin', 'install']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toBe(hodu(['plugin', 'install', '--help']).stdout);
    expect(sub.stdout).toContain('USAGE  hodu plugin install');
  });
  test('`hodu help` of an unknown command suggests the closest one', () => {
    expectUsageError(hodu(['help', 'inspcet']), "unknown command 'inspcet' for 'hodu'", "did you mean 'hodu inspect'?");
    expectUsageError(hodu(['help', 'plugin', 'instal']), "unknown command 'instal' for 'hodu plugin'", "did you mean 'hodu plugin install'?");
  });
});

describe('one message style for unknown commands and missing arguments', () => {
  test('unknown command and subcommand', () => {
    expectUsageError(hodu(['inspcet', 'x.onnx']), "unknown command 'inspcet' for 'hodu'", "did you mean 'hodu inspect'?");
    expectUsageError(hodu(['plugin', 'instal']), "unknown command 'instal' for 'hodu plugin'", "did you mean 'hodu plugin install'?");
  });
  test('a group without its subcommand is a missing command, not a help dump', () => {
    const r = hodu(['plugin']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[E_USAGE\]: missing command for 'hodu plugin' \(one of: list, info, install, [a-z, ]+\)\n {2}hint: e\.g\. `hodu plugin list`; run `hodu plugin --help`\n$/);
    expect(hodu(['plugin', '--help']).code).toBe(0);
  });
  test('a missing positional argument and a missing required option', () => {
    expectUsageError(hodu(['run']), "missing argument <MODEL> for 'hodu run'", 'usage: hodu run <MODEL> [options]; run `hodu run --help`');
    expectUsageError(hodu(['config', 'set', 'runtime.threads']), "missing argument <VALUE> for 'hodu config set'");
    expectUsageError(hodu(['plugin', 'new', 'demo']), "missing option '--type' for 'hodu plugin new'");
  });
  test('a missing option value and an extra argument', () => {
    expectUsageError(hodu(['run', 'm.onnx', '--input']), "missing value for option '--input' of 'hodu run'");
    // A short flag is named as typed, in the message and in the example.
    expectUsageError(hodu(['run', 'm.onnx', '-O']), "missing value for option '-O' of 'hodu run'", 'e.g. -O <level>; run `hodu run --help`');
    expectUsageError(hodu(['inspect', 'a.onnx', 'b.onnx']), "unexpected argument 'b.onnx' for 'hodu inspect'");
  });
});
