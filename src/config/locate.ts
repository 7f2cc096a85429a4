/**
 * Finds where a dotted key is written in TOML text, for error messages ("config.toml:3:1"). A line scanner,
 * not a parser: it follows `[section]` headers and `key = …` lines, which is how config.toml is written.
 */
interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

const HEADER = /^(\s*)\[\s*([^[\]]+?)\s*\]\s*(#.*)?$/;
const KEY_LINE = /^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/;

/** `a . "b.c"` → ['a', 'b.c'] */
function splitDottedKey(text: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:([A-Za-z0-9_-]+)|"([^"]*)"|'([^']*)')\s*(?:\.|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) parts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return parts;
}

interface KeyLine {
  /** 0-based line index. */
  index: number;
  /** Full dotted path (section + key). */
  path: string;
  kind: 'header' | 'key';
  indent: number;
}

/** Every header and key line with its full dotted path. */
export function scanKeyLines(text: string): KeyLine[] {
  const result: KeyLine[] = [];
  let section: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const h = HEADER.exec(line);
    if (h && !line.trimStart().startsWith('[[')) {
      section = splitDottedKey(h[2]!);
      result.push({ index, path: section.join('.'), kind: 'header', indent: h[1]!.length });
      return;
    }
    const k = KEY_LINE.exec(line);
    if (k) result.push({ index, path: [...section, ...splitDottedKey(k[2]!)].join('.'), kind: 'key', indent: k[1]!.length });
  });
  return result;
}

/** Where `dotted` (or its longest written prefix) is defined; undefined when nothing matches. */
export function locateKey(text: string, dotted: string): TextPosition | undefined {
  const lines = scanKeyLines(text);
  const parts = dotted.split('.');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    const hit = lines.find((l) => l.path === prefix && l.kind === 'key') ?? lines.find((l) => l.path === prefix);
    if (hit) return { line: hit.index + 1, col: hit.indent + 1 };
  }
  return undefined;
}
