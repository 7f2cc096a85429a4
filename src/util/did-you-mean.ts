/** Levenshtein distance (small strings only: command, flag, op and plugin names). */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a small edit distance, for "did you mean …?" hints. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/**
 * Up to `limit` candidates close to `input`, closest first: those within the edit distance didYouMean allows,
 * then those that contain it or that it contains (a part of a long node name). For "no node named …" hints
 * over thousands of names; ties keep the candidates' order.
 */
export function closeMatches(input: string, candidates: readonly string[], limit = 5): string[] {
  const needle = input.toLowerCase();
  const allowed = Math.max(2, Math.floor(input.length / 3));
  const scored: { c: string; score: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    const hay = c.toLowerCase();
    const near = Math.abs(hay.length - needle.length) <= allowed ? editDistance(needle, hay) : Infinity;
    if (near <= allowed) scored.push({ c, score: near, i });
    else if (needle.length >= 3 && (hay.includes(needle) || (hay.length >= 3 && needle.includes(hay)))) scored.push({ c, score: allowed + 1 + Math.abs(hay.length - needle.length) / 1000, i });
  });
  return [...new Set(scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.c))].slice(0, limit);
}
