/**
 * The comment a builder backend puts on the line of each step in the C it generates (docs/abi.md, ABI 3):
 *
 *   /* step N: KERNEL, node 'NAME' (OP) *\/
 *
 * so that hodu maps a compiler error's line back to the graph node. Names are escaped so that the comment
 * stays one comment on one line whatever a model calls its nodes: `\` → `\\`, `'` → `\'`, a backslash
 * between `*` and `/` (either order: `*\/`, `/\*`), and control bytes (below 0x20, 0x7f) as `\xHH`.
 * Other characters, UTF-8 included, are written as they are.
 */

export interface StepComment {
  step: number;
  kernel: string;
  node: string;
  op: string;
}

/** Escapes a name for a step comment (see the module comment). */
export function escapeCommentName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
    const next = name[i + 1];
    if ((c === '*' && next === '/') || (c === '/' && next === '*')) out += '\\';
  }
  return out;
}

/** The inverse of escapeCommentName. */
export function unescapeCommentName(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|[\\'*/])/g, (_, e: string) => (e[0] === 'x' ? String.fromCharCode(parseInt(e.slice(1), 16)) : e));
}

/** The comment of step `step` (with its delimiters). */
export function formatStepComment(c: StepComment): string {
  return `/* step ${c.step}: ${escapeCommentName(c.kernel)}, node '${escapeCommentName(c.node)}' (${escapeCommentName(c.op)}) */`;
}

const STEP_COMMENT = /\/\* step (\d+): ((?:[^,\\]|\\.)*), node '((?:[^'\\]|\\.)*)' \(((?:[^)\\]|\\.)*)\) \*\//;

/** The step comment on a line of generated C, or undefined when it has none. */
export function parseStepComment(line: string): StepComment | undefined {
  const m = STEP_COMMENT.exec(line);
  if (!m) return undefined;
  return { step: Number(m[1]), kernel: unescapeCommentName(m[2]!), node: unescapeCommentName(m[3]!), op: unescapeCommentName(m[4]!) };
}
