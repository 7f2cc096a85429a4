/**
 * Lists names exported from src/ that nothing imports (issue 10 item 10): an export is a promise that
 * another module needs the name; one nobody takes is dead API, or dead code when the file does not use it
 * either. Usage: bun scripts/unused-exports.ts (prints one line per name; exit 1 when there are any).
 * test/unit/unused-exports.test.ts runs it against an allowlist that gives a reason per entry.
 *
 * Parsed with the TypeScript parser (no type checker, so it takes a second). What counts as a use, in any
 * .ts file under src/, scripts/, test/, plugins/ or build.ts:
 * - `import { a } from '…'`, `export { a } from '…'` and `export * from '…'` (a re-export passes on the uses
 *   of the re-exporting module);
 * - `import * as m` then `m.a`; `(await import('…')).a`, `const { a } = await import('…')`;
 *   `import('…').A` in a type;
 * - a namespace or dynamic import used any other way (passed around whole, `.then(…)`) uses every export.
 * Everything src/sdk/index.ts exports is public API for plugins, and everything the npm package's entry points
 * (src/lib/index.ts, src/lib/ort-backend.ts) export is public API for its users: used by definition. A re-export
 * (`export { a } from './m'`) nobody imports through its file is listed too, marked as one.
 * Default exports are not counted (commands and plugins are loaded as `.default` by path).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dir, '..');
const SCANNED = ['src', 'scripts', 'test', 'plugins', 'build.ts'];
const PUBLIC_API = ['src/sdk/index.ts', 'src/lib/index.ts', 'src/lib/ort-backend.ts'];

export interface UnusedExport {
  /** Path relative to the repository root. */
  file: string;
  name: string;
  /** Whether the file itself still uses the name (then drop only `export`; else the code is dead). */
  usedInFile: boolean;
  /** `export { name } from '…'` that nobody imports through this file: drop it from the list. */
  reexport?: true;
}

interface ModuleInfo {
  /** Names declared here and exported (not re-exports). */
  own: Set<string>;
  /** `export { a as b } from './m'`: b → [module, a]. */
  reexports: Map<string, [string, string]>;
  /** `export * from './m'`. */
  stars: string[];
  text: string;
}

function listTs(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  return readdirSync(path)
    .filter((n) => n !== 'node_modules' && !n.startsWith('.'))
    .flatMap((n) => listTs(join(path, n)));
}

function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) if (c.endsWith('.ts') && existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const hasExport = (n: ts.Node): boolean => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (n: ts.Node): boolean => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

/** Uses a module makes of other modules, as [module, name] pairs ('*' = every export). */
function collect(file: string, sf: ts.SourceFile, info: ModuleInfo, uses: [string, string][]): void {
  const namespaces = new Map<string, string>(); // local namespace name → module
  const use = (spec: string, name: string) => {
    const target = resolveSpec(file, spec);
    if (target) uses.push([target, name]);
  };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const b = st.importClause?.namedBindings;
      if (b && ts.isNamedImports(b)) for (const el of b.elements) use(st.moduleSpecifier.text, (el.propertyName ?? el.name).text);
      if (b && ts.isNamespaceImport(b)) {
        const target = resolveSpec(file, st.moduleSpecifier.text);
        if (target) namespaces.set(b.name.text, target);
      }
    } else if (ts.isExportDeclaration(st)) {
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      const target = spec ? resolveSpec(file, spec) : undefined;
      if (!st.exportClause) {
        if (target) info.stars.push(target);
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (target) info.reexports.set(el.name.text, [target, (el.propertyName ?? el.name).text]);
          else if (!spec) info.own.add(el.name.text);
        }
      } else if (target) info.reexports.set(st.exportClause.name.text, [target, '*']);
    } else if (hasExport(st) && !isDefault(st)) {
      if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bindingNames(d.name).forEach((n) => info.own.add(n));
      else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
        info.own.add(st.name.text);
      }
    }
  }
  const visit = (n: ts.Node): void => {
    if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      const q = n.qualifier;
      use(n.argument.literal.text, q ? (ts.isIdentifier(q) ? q.text : ts.isIdentifier(q.left) ? q.left.text : '*') : '*');
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = n.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) dynamicUse(n, arg.text);
    } else if (ts.isIdentifier(n) && namespaces.has(n.text) && !ts.isNamespaceImport(n.parent)) {
      const p = n.parent;
      const target = namespaces.get(n.text)!;
      uses.push([target, ts.isPropertyAccessExpression(p) && p.expression === n ? p.name.text : ts.isQualifiedName(p) && p.left === n ? p.right.text : '*']);
    }
    ts.forEachChild(n, visit);
  };
  /** `(await import(s)).a`, `const { a } = await import(s)`, else the whole module. */
  const dynamicUse = (call: ts.Node, spec: string): void => {
    let n: ts.Node = call;
    while (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent)) n = n.parent;
    const p = n.parent;
    // `import(s).then((m) => …)` hands the whole module on: every export counts as used.
    if (ts.isPropertyAccessExpression(p) && p.expression === n) return use(spec, p.name.text === 'then' ? '*' : p.name.text);
    if (ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        const key = el.propertyName ?? el.name;
        if (ts.isIdentifier(key)) use(spec, key.text);
        else use(spec, '*');
      }
      return;
    }
    use(spec, '*');
  };
  visit(sf);
}

export function findUnusedExports(root = ROOT): UnusedExport[] {
  const files = SCANNED.flatMap((p) => listTs(join(root, p)));
  const modules = new Map<string, ModuleInfo>();
  const uses: [string, string][] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const info: ModuleInfo = { own: new Set(), reexports: new Map(), stars: [], text };
    modules.set(file, info);
    collect(file, ts.createSourceFile(file, text, ts.ScriptTarget.ESNext, true), info, uses);
  }
  for (const api of PUBLIC_API) if (modules.has(join(root, api))) uses.push([join(root, api), '*']);

  // Follow each use through re-exports to the module that declares the name.
  const used = new Set<string>();
  const seen = new Set<string>();
  const mark = (file: string, name: string): void => {
    const key = `${file}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const m = modules.get(file);
    if (!m) return;
    if (name === '*') {
      for (const own of m.own) mark(file, own);
      for (const re of m.reexports.keys()) mark(file, re);
      for (const s of m.stars) mark(s, '*');
      return;
    }
    const re = m.reexports.get(name);
    if (m.own.has(name) || re) used.add(key);
    if (re) mark(re[0], re[1]);
    else if (!m.own.has(name)) for (const s of m.stars) mark(s, name);
  };
  for (const [file, name] of uses) mark(file, name);

  const srcDir = join(root, 'src');
  const unused: UnusedExport[] = [];
  for (const [file, m] of modules) {
    if (!file.startsWith(srcDir)) continue;
    for (const name of m.own) {
      if (used.has(`${file}\0${name}`)) continue;
      const mentions = m.text.match(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
      unused.push({ file: relative(root, file), name, usedInFile: mentions > 1 });
    }
    for (const name of m.reexports.keys()) if (!used.has(`${file}\0${name}`)) unused.push({ file: relative(root, file), name, usedInFile: false, reexport: true });
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (import.meta.main) {
  const unused = findUnusedExports();
  const note = (u: UnusedExport) => (u.reexport ? '  (re-export)' : u.usedInFile ? '' : '  (not used in its file either: dead code)');
  for (const u of unused) console.log(`${u.file}: ${u.name}${note(u)}`);
  if (unused.length) console.error(`${unused.length} exported names that nothing imports: drop 'export' (or the code)`);
  process.exit(unused.length ? 1 : 0);
}
