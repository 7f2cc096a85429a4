/**
 * Flags of `hodu run` that one mode would silently ignore: a dry run computes nothing (no outputs to compare,
 * dump or time), and --compare-backends runs several backends of its own choosing. A flag that would do nothing
 * is refused here, before the model loads, naming both flags.
 */
import { HoduError } from '../../errors';

/** Flags that name a file or folder: an empty value (`--dump ''`, an unset shell variable) is a mistake, said before the run. */
const PATH_FLAGS = ['expect', 'dump', 'profile-out', 'output', 'output-dir'] as const;

export function checkEmptyPaths(args: Partial<Record<(typeof PATH_FLAGS)[number], unknown>>): void {
  for (const flag of PATH_FLAGS) {
    const v = args[flag];
    if (typeof v === 'string' && v.trim() === '') {
      throw new HoduError('E_USAGE', `--${flag} needs a path, got an empty value`, { hint: `e.g. --${flag} ${flag === 'dump' || flag === 'output-dir' ? 'out/' : flag === 'profile-out' ? 'trace.json' : 'out.npz'} (an unset shell variable gives an empty value)` });
    }
  }
}

interface ModeFlags {
  dryRun: boolean;
  benchmark: boolean;
  expect?: string;
  compareBackends?: string;
  dump?: string;
  profile: boolean;
  profileOut?: string;
  explain: boolean;
  backend?: string;
}

/** --dry-run with any of these would not do what the flag says: each needs a real run. */
const NEEDS_A_RUN: readonly [flag: string, given: (f: ModeFlags) => boolean, what: string][] = [
  ['--expect', (f) => f.expect !== undefined, 'no outputs to compare'],
  ['--compare-backends', (f) => f.compareBackends !== undefined, 'no outputs to compare'],
  ['--dump', (f) => f.dump !== undefined, 'no values to dump'],
  ['--profile-out', (f) => f.profileOut !== undefined, 'no node is timed'],
  ['--benchmark', (f) => f.benchmark, 'nothing is timed'],
];

/** --compare-backends with any of these: it reports a comparison table only, on the backends it names. */
const ONE_BACKEND_ONLY: readonly [flag: string, given: (f: ModeFlags) => boolean, why: string][] = [
  ['--backend', (f) => f.backend !== undefined, 'it runs the backends it names'],
  ['--profile', (f) => f.profile, 'it reports a comparison, not timings'],
  ['--profile-out', (f) => f.profileOut !== undefined, 'it reports a comparison, not timings'],
  ['--explain', (f) => f.explain, 'it reports a comparison, not the partition of one run'],
];

export function checkRunModes(f: ModeFlags): void {
  if (f.dryRun) {
    const hit = NEEDS_A_RUN.find(([, given]) => given(f));
    if (hit) {
      throw new HoduError('E_USAGE', `--dry-run cannot be used with ${hit[0]} (a dry run computes nothing: ${hit[2]})`, {
        hint: `drop ${hit[0]} to see the plan (hodu run MODEL --dry-run), or drop --dry-run to run it`,
      });
    }
  }
  // benchmarkPlan refuses --profile itself; --profile-out reaches it as "profile" and must be named as given.
  if (f.benchmark && f.profileOut !== undefined) {
    throw new HoduError('E_USAGE', '--profile-out cannot be used with --benchmark (timing every node would slow every measured run)', {
      hint: `run the two separately: --profile-out ${f.profileOut} for per-node times, --benchmark for latency`,
    });
  }
  if (f.compareBackends !== undefined) {
    const hit = ONE_BACKEND_ONLY.find(([, given]) => given(f));
    if (hit) {
      throw new HoduError('E_USAGE', `--compare-backends cannot be used with ${hit[0]} (${hit[2]})`, {
        hint: hit[0] === '--backend' ? 'drop --backend: e.g. --compare-backends interp,cpu' : `use ${hit[0]} on one backend at a time: hodu run MODEL --backend cpu ${hit[0]}${hit[0] === '--profile-out' ? ' trace.json' : ''}`,
      });
    }
  }
}
