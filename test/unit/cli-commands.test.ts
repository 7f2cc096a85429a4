import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgDef } from 'citty';
import { commands } from '../../src/cli/commands/index';

const readme = readFileSync(join(import.meta.dir, '..', '..', 'README.md'), 'utf8');

test('every command is documented in the README usage section', () => {
  for (const name of Object.keys(commands)) expect(readme).toContain(`hodu ${name} `);
});

test('every command file matches its registry entry, and every flag has a description and examples exist', async () => {
  for (const [name, entry] of Object.entries(commands)) {
    const cmd = await entry.load();
    const meta = typeof cmd.meta === 'function' ? await cmd.meta() : await cmd.meta;
    expect(meta?.name).toBe(name);
    expect(meta?.description).toBe(entry.description);
    const args = ((typeof cmd.args === 'function' ? await cmd.args() : await cmd.args) ?? {}) as Record<string, ArgDef>;
    for (const [flag, def] of Object.entries(args)) expect(`${flag}: ${def.description ?? ''}`).not.toBe(`${flag}: `);
    expect(cmd.examples?.length ?? 0).toBeGreaterThan(0);
  }
});
