/**
 * The flags of `hodu run` that check a run instead of only showing it: `--expect REF [--rtol --atol]`,
 * `--compare-backends a,b`, `--dump DIR [--dump-nodes REGEX]`. Parsed and cross-checked here, before the model
 * loads: a bad tolerance or regex must not cost a run.
 */
import { HoduError } from '../../errors';
import { DEFAULT_TOLERANCE, type Tolerance } from '../../runtime/compare/compare-tensors';

interface CompareFlags {
  expect?: string;
  rtol?: string;
  atol?: string;
  compareBackends?: string;
  dump?: string;
  dumpNodes?: string;
}

export interface ComparePlan {
  /** --expect: the reference file. */
  expect?: string;
  tol: Tolerance;
  /** --compare-backends: two or more backend names, the first the reference. */
  backends?: string[];
  /** --dump: the folder, and the --dump-nodes filter. */
  dump?: { dir: string; filter?: RegExp };
}

const usage = (message: string, hint: string) => new HoduError('E_USAGE', message, { hint });

/** undefined: none of these flags was given. `others` are the run's other flags these cannot go with. */
export function comparePlan(f: CompareFlags, others: { benchmark: boolean; isBuilt: () => boolean; output?: string; outputDir?: string }): ComparePlan | undefined {
  const comparing = f.expect !== undefined || f.compareBackends !== undefined;
  for (const flag of ['rtol', 'atol'] as const) {
    if (f[flag] !== undefined && !comparing) throw usage(`--${flag} only applies to --expect or --compare-backends`, `e.g. hodu run MODEL --expect ref.npz --${flag} ${f[flag]}`);
  }
  if (f.dumpNodes !== undefined && f.dump === undefined) throw usage('--dump-nodes only applies to --dump', `e.g. hodu run MODEL --dump dump/ --dump-nodes '${f.dumpNodes}'`);
  if (!comparing && f.dump === undefined) return undefined;
  const given = [f.expect !== undefined && '--expect', f.compareBackends !== undefined && '--compare-backends', f.dump !== undefined && '--dump'].filter(Boolean) as string[];
  if (others.benchmark) throw usage(`${given[0]} cannot be used with --benchmark (a benchmark does not keep outputs)`, `run the two separately: hodu run MODEL … ${given[0]} …`);
  if ((f.compareBackends !== undefined || f.dump !== undefined) && others.isBuilt()) {
    throw usage(`${f.dump !== undefined ? '--dump' : '--compare-backends'} needs the source model: a built model (.so) runs only as built, on its own backend`, 'pass the .onnx the .so was built from');
  }
  if (f.compareBackends !== undefined) {
    const other = given.find((g) => g !== '--compare-backends') ?? (others.output !== undefined ? '--output' : others.outputDir !== undefined ? '--output-dir' : undefined);
    if (other) throw usage(`--compare-backends cannot be used with ${other} (it compares backends with each other, not with files)`, `run one backend at a time for that: hodu run MODEL --backend cpu ${other} …`);
  }
  return {
    expect: f.expect,
    tol: { rtol: tolerance('rtol', f.rtol, DEFAULT_TOLERANCE.rtol), atol: tolerance('atol', f.atol, DEFAULT_TOLERANCE.atol) },
    backends: f.compareBackends === undefined ? undefined : backendList(f.compareBackends),
    dump: f.dump === undefined ? undefined : { dir: f.dump, filter: f.dumpNodes === undefined ? undefined : regex(f.dumpNodes) },
  };
}

function tolerance(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0) throw usage(`--${flag} must be a non-negative number, got '${text}'`, `e.g. --${flag} ${fallback}`);
  return v;
}

function backendList(text: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  if (names.length < 2 || names.some((n) => n === '')) throw usage(`--compare-backends takes two or more backend names separated by commas, got '${text}'`, 'e.g. --compare-backends interp,cpu (the first is the reference)');
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw usage(`--compare-backends names '${twice}' twice`, 'e.g. --compare-backends interp,cpu');
  return names;
}

function regex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (e) {
    throw usage(`--dump-nodes '${text}' is not a valid regular expression: ${(e as Error).message}`, "e.g. --dump-nodes 'Conv|Relu' (matched against value names, node names and ops)");
  }
}
