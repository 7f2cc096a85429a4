import { expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The plugin SDK (src/sdk) is what plugins build against: it must not pull in the host's op schemas, backends
// or planner (issue 10 item 3: the per-op manifest metadata builders moved to src/plan/metadata for this).
// Type-only imports count too: the SDK's published types must not name host internals either.
const src = resolve(import.meta.dir, '..', '..', 'src');
const FORBIDDEN = ['ops', 'backends', 'plan'];

function sdkImports(): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(src, 'sdk'), { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const file = join(src, 'sdk', name);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      const target = relative(src, resolve(dirname(file), m[1]!));
      if (FORBIDDEN.includes(target.split('/')[0]!)) found.push(`${relative(src, file)} -> ${target}`);
    }
  }
  return found;
}

test('no file under src/sdk imports src/ops, src/backends or src/plan', () => {
  expect(sdkImports()).toEqual([]);
});
