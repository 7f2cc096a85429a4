// No import cycles in src/ (issue 10 item 4), at two grains:
// - files: a cycle makes evaluation order depend on which file is imported first (a `const` read before it
//   is initialised is a crash at start-up);
// - top-level folders (src/config, src/runtime, …): a cycle there means two layers each need the other, so
//   neither can be understood, tested or replaced alone (config ⇄ runtime was one: runtime/settings.ts
//   read config/keys while config/index read runtime/settings; settings now lives in config/).
//
// What counts: static `import … from '…'`, `import '…'` and `export … from '…'` between .ts files under src/.
// What does not count, and why:
// - `import type …` / `export type …` and `import { type A, type B }` (every name type-only): erased at
//   runtime, so they cannot change evaluation order.
// - dynamic `import('…')` in the main check: evaluated lazily, after every static import has settled (that is
//   how heavy modules and commands are loaded on purpose), so it cannot observe a half-initialised module.
//   A cycle closed only by a dynamic import still tangles two modules, so a second check counts them too,
//   against an allowlist that must shrink.
import { expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dir, '..', '..');
const src = join(root, 'src');

/**
 * Existing cycles, each with "to be broken: …". This list must shrink, never grow; it is empty today.
 * Key: the sorted members joined by ' ' (files relative to src/, or folder names).
 */
const allowed: Record<string, string> = {};

/** Cycles closed by a dynamic import() (same key format). Must shrink, never grow. */
const allowedLazy: Record<string, string> = {};

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Relative specifiers of the runtime (value) imports and re-exports of one file. */
function runtimeImports(text: string, lazy = false): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  const fromRe = /^\s*(import|export)\s+([^;'"]*?)\s+from\s+['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(fromRe)) {
    const clause = m[2]!.trim();
    if (/^type\s/.test(clause)) continue;
    const named = /^\{([\s\S]*)\}$/.exec(clause);
    if (named) {
      const names = named[1]!.split(',').map((s) => s.trim()).filter(Boolean);
      if (names.length > 0 && names.every((n) => /^type\s/.test(n))) continue;
    }
    specs.push(m[3]!);
  }
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  if (lazy) for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs.filter((s) => s.startsWith('.'));
}

function resolveSpec(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (c.endsWith('.ts') && existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

/** Strongly connected components with more than one member (or a self-import), by Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test('the import-graph parser skips type-only imports and sees re-exports', () => {
  const text = [
    "import type { A } from './a';",
    "import { type B, type C } from './b';",
    "import { type D, e } from './d';",
    "import {\n  f,\n  g,\n} from './f';",
    "export { h } from './h';",
    "export type { I } from './i';",
    "export * from './j';",
    "import './k';",
    "const l = await import('./l');",
    "// import { m } from './m';",
    "import { readFileSync } from 'node:fs';",
  ].join('\n');
  expect(runtimeImports(text).sort()).toEqual(['./d', './f', './h', './j', './k']);
  expect(runtimeImports(text, true).sort()).toEqual(['./d', './f', './h', './j', './k', './l']);
});

function fileGraph(lazy = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listTs(src)) {
    const deps = runtimeImports(readFileSync(file, 'utf8'), lazy)
      .map((s) => resolveSpec(file, s))
      .filter((p): p is string => p !== undefined)
      .map((p) => relative(src, p));
    graph.set(relative(src, file), deps);
  }
  return graph;
}

/** The same graph with each file replaced by its top-level folder (files directly in src/ stay themselves). */
function folderGraph(files: Map<string, string[]>): Map<string, string[]> {
  const folder = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel);
  const graph = new Map<string, string[]>();
  for (const [file, deps] of files) {
    const from = folder(file);
    const to = new Set([...(graph.get(from) ?? []), ...deps.map(folder).filter((f) => f !== from)]);
    graph.set(from, [...to]);
  }
  return graph;
}

test('a cycle is found between files and between folders', () => {
  const files = new Map([
    ['a/x.ts', ['b/y.ts']],
    ['b/y.ts', ['a/z.ts']],
    ['a/z.ts', []],
  ]);
  expect(cycles(files)).toEqual([]);
  expect(cycles(folderGraph(files))).toEqual([['a', 'b']]);
  files.set('a/z.ts', ['a/x.ts']);
  expect(cycles(files)).toEqual([['a/x.ts', 'a/z.ts', 'b/y.ts']]);
});

test('src/ has no runtime import cycle (files or top-level folders) beyond the shrinking allowlist', () => {
  const files = fileGraph();
  const found = [...cycles(files), ...cycles(folderGraph(files))].map((scc) => scc.join(' '));
  const fresh = found.filter((key) => !(key in allowed));
  const gone = Object.keys(allowed).filter((key) => !found.includes(key));
  // A new cycle: break it (move the shared fact into a small module both sides import).
  expect(fresh).toEqual([]);
  // An allowed cycle that no longer exists: delete its allowlist entry so it cannot come back.
  expect(gone).toEqual([]);
});

test('cycles closed by a dynamic import(): none beyond the shrinking allowlist', () => {
  const found = cycles(fileGraph(true)).map((scc) => scc.join(' '));
  expect(found.filter((key) => !(key in allowedLazy))).toEqual([]);
  expect(Object.keys(allowedLazy).filter((key) => !found.includes(key))).toEqual([]);
});

test('$HODU_HOME paths are named only in src/home.ts, which imports nothing of hodu', () => {
  const home = readFileSync(join(src, 'home.ts'), 'utf8');
  expect(runtimeImports(home)).toEqual([]);
  const composing = listTs(src).filter((f) => f !== join(src, 'home.ts') && /join\(\s*hoduHome\(\)/.test(readFileSync(f, 'utf8')));
  expect(composing.map((f) => relative(src, f))).toEqual([]);
});
