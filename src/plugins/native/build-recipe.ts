/**
 * The kernel-library half of a native builder's BuildRecipe (src/sdk/backend.ts): the plugin's own C sources,
 * compiled once per target and cached, identified by a sha256 over everything that changes the objects.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuildRecipe } from '../../sdk/backend';

/** The `hodu.native` fields of a plugin's package.json the recipe uses. */
export interface NativeSources {
  sources: string[];
  cflags?: string[];
  ldflags?: string[];
}

/** What a compiler may read besides the listed sources: headers and included fragments. */
const INCLUDED = /\.(h|hpp|inc)$/;
const SKIPPED = new Set(['.git', 'node_modules']);

function headersUnder(dir: string, depth = 0, out: string[] = []): string[] {
  if (depth > 8) return out;
  for (const name of readdirSync(dir).sort()) {
    if (SKIPPED.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) headersUnder(path, depth + 1, out);
    else if (st.isFile() && INCLUDED.test(name)) out.push(path);
  }
  return out;
}

/**
 * The library of a plugin whose sources are relative to `root`: compiled -std=c11 -O2 as `hodu plugin install`
 * builds it, then its own cflags. `id` hashes the listed sources and every header under `root` and
 * `includeDirs` (their paths and contents), and the flags: any change there is a different library.
 */
export function libraryRecipe(root: string, native: NativeSources, includeDirs: string[]): { library: BuildRecipe['library']; ldflags: string[] } {
  const cflags = ['-std=c11', '-O2', ...(native.cflags ?? [])];
  const ldflags = [...(native.ldflags ?? [])];
  const dirs = [root, ...includeDirs];
  const hash = createHash('sha256');
  const add = (label: string, bytes: string | Uint8Array) => {
    hash.update(`${label}\0${bytes.length}\0`);
    hash.update(bytes);
  };
  add('cflags', JSON.stringify(cflags));
  add('ldflags', JSON.stringify(ldflags));
  for (const src of native.sources) add(`source ${src}`, readFileSync(join(root, src)));
  dirs.forEach((dir, i) => {
    for (const file of headersUnder(dir)) add(`header ${i} ${relative(dir, file)}`, readFileSync(file));
  });
  return { library: { root, sources: [...native.sources], includeDirs: [...includeDirs], cflags, id: hash.digest('hex') }, ldflags };
}
