/**
 * Generates docs/sdk-reference.md from the exports of src/sdk/index.ts and their JSDoc comments, with the
 * TypeScript compiler API. `bun scripts/gen-sdk-docs.ts` rewrites the file; `--check` exits 1 when it is stale
 * (test/unit/plugin-sdk-docs.test.ts runs the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dir, '..');
export const SDK_ENTRY = join(ROOT, 'src', 'sdk', 'index.ts');
export const SDK_DOC = join(ROOT, 'docs', 'sdk-reference.md');

type Kind = 'function' | 'class' | 'interface' | 'type' | 'constant';
interface Entry {
  name: string;
  kind: Kind;
  doc: string;
  signature: string;
  members: { name: string; type: string; doc: string }[];
  file: string;
}

const SECTIONS: [Kind, string][] = [
  ['function', 'Functions'],
  ['class', 'Classes'],
  ['interface', 'Interfaces'],
  ['type', 'Types'],
  ['constant', 'Constants'],
];

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

/** Declaration text without its JSDoc and body: what a reader needs to call it. */
function headText(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf);
  return text.replace(/\s+/g, ' ').trim();
}

function membersOf(decl: ts.Node, sf: ts.SourceFile, checker: ts.TypeChecker): Entry['members'] {
  const members: Entry['members'] = [];
  const list = ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl) ? decl.members : ts.isTypeAliasDeclaration(decl) && ts.isTypeLiteralNode(decl.type) ? decl.type.members : undefined;
  for (const m of list ?? []) {
    const mods = ts.canHaveModifiers(m) ? ts.getModifiers(m) : undefined;
    if (mods?.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
    const sym = m.name ? checker.getSymbolAtLocation(m.name) : undefined;
    const name = ts.isConstructorDeclaration(m) ? 'constructor' : m.name ? m.name.getText(sf) : '';
    if (!name || name.startsWith('#')) continue;
    let type: string;
    if (ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) type = m.type ? m.type.getText(sf) : checker.typeToString(checker.getTypeAtLocation(m));
    else if (ts.isMethodSignature(m) || ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m)) type = `(${m.parameters.map((p) => p.getText(sf)).join(', ')})${'type' in m && m.type ? `: ${m.type.getText(sf)}` : ''}`;
    else if (ts.isGetAccessorDeclaration(m)) type = m.type ? m.type.getText(sf) : checker.typeToString(checker.getTypeAtLocation(m));
    else continue;
    const optional = 'questionToken' in m && m.questionToken ? '?' : '';
    const readonly = ts.isGetAccessorDeclaration(m) ? 'get ' : mods?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword) ? 'readonly ' : '';
    const doc = sym ? docOf(sym, checker) : ts.isConstructorDeclaration(m) ? ts.displayPartsToString(checker.getSignatureFromDeclaration(m)?.getDocumentationComment(checker)).trim() : '';
    members.push({ name: `${readonly}${name}${optional}`, type: type.replace(/\s+/g, ' '), doc });
  }
  return members;
}

function describe(name: string, symbol: ts.Symbol, checker: ts.TypeChecker): Entry | undefined {
  const decl = symbol.declarations?.[0];
  if (!decl) return undefined;
  const sf = decl.getSourceFile();
  const file = relative(ROOT, sf.fileName);
  const doc = docOf(symbol, checker);
  if (ts.isFunctionDeclaration(decl)) {
    const sig = checker.getSignatureFromDeclaration(decl)!;
    return { name, kind: 'function', doc, signature: `function ${name}${checker.signatureToString(sig)}`, members: [], file };
  }
  if (ts.isClassDeclaration(decl)) return { name, kind: 'class', doc, signature: `class ${name}`, members: membersOf(decl, sf, checker), file };
  if (ts.isInterfaceDeclaration(decl)) {
    const ext = decl.heritageClauses?.map((h) => ' ' + h.getText(sf)).join('') ?? '';
    return { name, kind: 'interface', doc, signature: `interface ${name}${decl.typeParameters ? `<${decl.typeParameters.map((t) => t.getText(sf)).join(', ')}>` : ''}${ext}`, members: membersOf(decl, sf, checker), file };
  }
  if (ts.isTypeAliasDeclaration(decl)) {
    const literal = ts.isTypeLiteralNode(decl.type);
    return { name, kind: 'type', doc, signature: literal ? `type ${name}` : headText(decl, sf).replace(/^export /, ''), members: membersOf(decl, sf, checker), file };
  }
  if (ts.isVariableDeclaration(decl)) {
    const type = decl.type ? decl.type.getText(sf) : checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, decl));
    return { name, kind: 'constant', doc, signature: `const ${name}: ${type}`, members: [], file };
  }
  return undefined;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** The reference as markdown (deterministic: sections in a fixed order, names sorted). */
export function generateSdkReference(): string {
  const program = ts.createProgram([SDK_ENTRY], { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, resolveJsonModule: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(SDK_ENTRY)!;
  const moduleSymbol = checker.getSymbolAtLocation(sf)!;
  const entries: Entry[] = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const target = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const e = describe(exp.name, target, checker);
    if (e) entries.push(e);
  }
  const lines: string[] = [
    '# hodu plugin SDK reference',
    '',
    '<!-- Generated by scripts/gen-sdk-docs.ts from the exports of src/sdk/index.ts and their doc comments. Do not edit:',
    '     change the comments in src/ and run `bun scripts/gen-sdk-docs.ts` (a test fails when this file is stale). -->',
    '',
    'Everything a plugin can use from hodu. A JS/TS plugin receives this module as the argument of its default-exported',
    'factory (`export default function (sdk) { … }`); see [plugins.md](plugins.md). Types exist at compile time only.',
    '',
  ];
  for (const [kind, title] of SECTIONS) {
    const group = entries.filter((e) => e.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    if (!group.length) continue;
    lines.push(`## ${title}`, '');
    for (const e of group) {
      lines.push(`### \`${e.name}\``, '', '```ts', e.signature, '```', '');
      if (e.doc) lines.push(e.doc, '');
      if (e.members.length) {
        lines.push('| member | type | description |', '|---|---|---|');
        for (const m of e.members) lines.push(`| \`${cell(m.name)}\` | \`${cell(m.type)}\` | ${cell(m.doc)} |`);
        lines.push('');
      }
      lines.push(`<sub>Defined in \`${e.file}\`.</sub>`, '');
    }
  }
  return lines.join('\n').trimEnd() + '\n';
}

if (import.meta.main) {
  const text = generateSdkReference();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SDK_DOC, 'utf8');
    if (current !== text) {
      console.error(`${relative(ROOT, SDK_DOC)} is stale: run \`bun scripts/gen-sdk-docs.ts\``);
      process.exit(1);
    }
  } else {
    writeFileSync(SDK_DOC, text);
    console.log(`wrote ${relative(ROOT, SDK_DOC)}`);
  }
}
