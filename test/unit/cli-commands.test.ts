import { expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { ArgDef } from 'citty';
import type { HoduCommand } from '../../src/cli/command';
import { commands } from '../../src/cli/commands/index';
import { resolveSubCommands, resolveValue } from '../../src/cli/lazy-commands';

const readme = readFileSync(join(import.meta.dir, '..', '..', 'README.md'), 'utf8');

test('every command is documented in the README usage section', () => {
  for (const name of Object.keys(commands)) expect(readme).toContain(`hodu ${name} `);
});

test('every command file matches its registry entry, and every flag has a description and examples exist', async () => {
  for (const [name, entry] of Object.entries(commands)) {
    const cmd = await entry.load();
    const meta = await resolveValue(cmd.meta);
    expect(meta?.name).toBe(name);
    expect(meta?.description).toBe(entry.description);
    const args = ((await resolveValue(cmd.args)) ?? {}) as Record<string, ArgDef>;
    for (const [flag, def] of Object.entries(args)) expect(`${flag}: ${def.description ?? ''}`).not.toBe(`${flag}: `);
    expect(cmd.examples?.length ?? 0).toBeGreaterThan(0);
  }
});

// src/cli/commands holds commands only (issue 10 item 9): one file per command, named after it, and a folder
// per command with sub-commands; helpers live where their kind of thing lives (src/cli/ui, src/cli/inspect…).
const commandsDir = join(import.meta.dir, '..', '..', 'src', 'cli', 'commands');
/** The command table itself, the one file there that is not a command. */
const NOT_COMMANDS = new Set(['index.ts']);

test('every file under src/cli/commands is a command of the tree, named after its file', async () => {
  const files = readdirSync(commandsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(commandsDir, join(e.parentPath, e.name)))
    .filter((f) => !NOT_COMMANDS.has(f));
  const tree: string[] = [];
  const walk = async (path: string[], cmd: HoduCommand) => {
    tree.push(`${path.join('/')}.ts`);
    expect((await resolveValue(cmd.meta))?.name).toBe(path.at(-1));
    for (const [name, load] of Object.entries((await resolveSubCommands(cmd)) ?? {})) await walk([...path, name], await load());
  };
  for (const [name, entry] of Object.entries(commands)) await walk([name], await entry.load());
  // A file here that no command loads is a helper: move it out (or register the command it is).
  expect(files.filter((f) => !tree.includes(f)).sort()).toEqual([]);
  // And each command is the default export of its file: the table cannot point into another folder.
  for (const f of files) {
    const mod = (await import(join(commandsDir, f))) as { default?: HoduCommand };
    expect((await resolveValue(mod.default?.meta))?.name).toBe(basename(f, '.ts'));
  }
});
