import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineHoduCommand, type HoduCommand } from '../../src/cli/command';
import { commands } from '../../src/cli/commands/index';
import { completeWords, locate } from '../../src/cli/completions/complete';
import { parseShell, renderCompletion, SHELLS } from '../../src/cli/completions/generate';
import { readInstalledNames } from '../../src/cli/completions/installed-names';
import { flattenTree, loadCommandTree, type CommandNode } from '../../src/cli/completions/tree';
import { HoduError } from '../../src/errors';

let home: string;
const savedHome = process.env.HODU_HOME;
let root: CommandNode;

/** A plugins.json with one backend (devices cpu, gpu0) and one format: only what completion reads. */
function writePlugins(dir: string, text?: string): void {
  mkdirSync(join(dir, 'plugins'), { recursive: true });
  const registry = {
    version: 1,
    plugins: {
      'demo-remover': { name: 'demo-remover', type: 'backend', capabilities: { devices: ['cpu', 'gpu0'], runner: true, builder: false, priority: 0 } },
      'fmt-x': { name: 'fmt-x', type: 'format', capabilities: { extensions: ['.x'] } },
    },
  };
  writeFileSync(join(dir, 'plugins', 'plugins.json'), text ?? JSON.stringify(registry));
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'hodu-compl-'));
  writePlugins(home);
  process.env.HODU_HOME = home;
  root = await loadCommandTree(commands);
});
afterAll(() => {
  if (savedHome === undefined) delete process.env.HODU_HOME;
  else process.env.HODU_HOME = savedHome;
  rmSync(home, { recursive: true, force: true });
});

test('subcommands complete by prefix, nested ones too', () => {
  expect(completeWords(root, ['plugin', 'rem'])).toEqual(['remove']);
  expect(completeWords(root, ['plu'])).toEqual(['plugin']);
  expect(completeWords(root, ['plugin', 're'])).toEqual(['rebuild', 'remove']);
});

test('plugin remove/rebuild/test complete installed plugins only; info adds the embedded ones', () => {
  expect(completeWords(root, ['plugin', 'remove', ''])).toEqual(['demo-remover', 'fmt-x']);
  expect(completeWords(root, ['plugin', 'rebuild', 'fm'])).toEqual(['fmt-x']);
  expect(completeWords(root, ['plugin', 'test', ''])).toEqual(['demo-remover', 'fmt-x']);
  const info = completeWords(root, ['plugin', 'info', '']);
  expect(info).toContain('interp');
  expect(info).toContain('onnx');
  expect(info).toContain('demo-remover');
});

test('--backend offers the embedded interp and cpu plus installed backends (not formats), in both flag forms', () => {
  expect(completeWords(root, ['run', 'm.onnx', '--backend', ''])).toEqual(['interp', 'cpu', 'demo-remover']);
  expect(completeWords(root, ['run', '--backend=de'])).toEqual(['demo-remover']);
  expect(completeWords(root, ['run', '--device', ''])).toEqual(['cpu', 'gpu0']);
});

test('static choices come from valueHint: plugin new --type/--lang, completions shells', () => {
  expect(completeWords(root, ['plugin', 'new', 'x', '--type', ''])).toEqual(['backend', 'format']);
  expect(completeWords(root, ['plugin', 'new', '--lang', ''])).toEqual(['c', 'ts']);
  expect(completeWords(root, ['completions', ''])).toEqual([...SHELLS]);
});

test('flags complete with aliases and the global ones; a value flag eats the next word', () => {
  expect(completeWords(root, ['run', '--dev'])).toEqual(['--device']);
  expect(completeWords(root, ['plugin', 'remove', '-'])).toEqual(['--json', '--help', '-h', '--verbose', '--no-color']);
  // `--seed plugin` is a value, not the plugin command: the next word is run's first positional (files).
  expect(locate(root, ['run', '--seed', 'plugin', '']).slot).toEqual({ type: 'positional', index: 0 });
  expect(locate(root, ['run', '--', '--x']).slot).toEqual({ type: 'positional', index: 0 });
  expect(locate(root, ['run', 'a.onnx', '']).slot).toEqual({ type: 'positional', index: 1 });
});

test('file positionals and file flags are left to the shell (no candidates from hodu)', () => {
  expect(locate(root, ['run', '']).node.positionals[0]?.value).toEqual({ kind: 'files' });
  expect(completeWords(root, ['run', ''])).toEqual([]);
  const install = flattenTree(root).find((n) => n.path.join(' ') === 'plugin install')!;
  expect(install.flags.find((f) => f.names[0] === '--path')?.value).toEqual({ kind: 'dirs' });
});

test('a missing or corrupt plugins.json completes no plugin names instead of failing', () => {
  const empty = mkdtempSync(join(tmpdir(), 'hodu-compl-empty-'));
  try {
    expect(readInstalledNames(join(empty, 'plugins', 'plugins.json'))).toEqual([]);
    writePlugins(empty, '{ not json');
    expect(readInstalledNames(join(empty, 'plugins', 'plugins.json'))).toEqual([]);
    writePlugins(empty, '{"version":1,"plugins":[1,2]}');
    expect(readInstalledNames(join(empty, 'plugins', 'plugins.json'))).toEqual([]);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('an unknown shell is a usage error that names the shells', () => {
  const e = (() => {
    try {
      parseShell('tcsh');
    } catch (x) {
      return x;
    }
  })() as HoduError;
  expect(e).toBeInstanceOf(HoduError);
  expect(e.code).toBe('E_USAGE');
  expect(e.exitCode).toBe(2);
  expect(e.message).toBe("unknown shell 'tcsh'; hodu completes bash, zsh, fish, powershell");
  expect(e.hint).toContain('hodu completions --help');
});

test('a flag name a shell word cannot hold is refused when generating', async () => {
  const bad = defineHoduCommand({ meta: { name: 'bad', description: 'x' }, args: { 'we ird': { type: 'boolean', description: 'x' } } }) as HoduCommand;
  const e = await loadCommandTree({ bad: { description: 'x', load: async () => bad } }).catch((x) => x);
  expect(e).toBeInstanceOf(HoduError);
  expect((e as HoduError).code).toBe('E_COMPLETION_TREE');
  expect((e as HoduError).message).toContain("flag '--we ird'");
});

test('every command and subcommand of the tree appears in every generated script', () => {
  for (const shell of SHELLS) {
    const script = renderCompletion(shell, root);
    for (const node of flattenTree(root).slice(1)) expect(script).toContain(node.path.join(' '));
  }
});
