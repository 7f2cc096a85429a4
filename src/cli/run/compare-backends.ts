/**
 * `hodu run M --compare-backends interp,cpu`: the same prepared model and inputs on each backend in turn (a
 * native one partitioned with the interp as usual), every backend's outputs compared with the first's, one
 * table per pair (or "compareBackends" in --json); E_MISMATCH (exit 1) when any pair differs.
 */
import { loadBackend } from '../../backends/registry';
import { compareOutputs } from '../../runtime/compare/compare-outputs';
import type { Tolerance } from '../../runtime/compare/compare-tensors';
import type { PreparedModel } from '../../runtime/prepare';
import { runModel, type BackendChoice } from '../../runtime/run-model';
import type { RuntimeValue } from '../../sdk/backend';
import { colors } from '../ui/colors';
import { err, out, outJson } from '../ui/output';
import { comparisonJson, printComparison } from './compare-report';
import { mismatchError } from './expect';
import { outputTensors } from './output-tensors';

interface CompareBackendsContext {
  modelPath: string;
  tol: Tolerance;
  json: boolean;
  device?: string;
  threads?: number;
  isolate?: boolean;
  onSelect?: (choice: BackendChoice) => void | Promise<void>;
  /** `"inputs"` of --json (src/cli/run/inputs.ts inputsJson): what every backend was fed. */
  inputs?: object[];
  /** --max-memory's guard, when a limit is set. */
  guard?: <T>(work: Promise<T>) => Promise<T>;
}

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

export async function compareBackends(model: PreparedModel, feeds: Map<string, RuntimeValue>, names: string[], ctx: CompareBackendsContext): Promise<void> {
  // Every name first (loadBackend's error lists the available ones): a typo in the second must not cost the first run.
  for (const name of names) await loadBackend(name, { isolate: ctx.isolate });
  const runAll = async () => {
    const runs = [];
    for (const name of names) {
      const r = await runModel(model, feeds, { backend: name, backendFrom: '--compare-backends', device: ctx.device, threads: ctx.threads, isolate: ctx.isolate, onSelect: ctx.onSelect });
      runs.push({ name, backend: r.backend, runMs: r.runMs, tensors: outputTensors(r.outputs) });
    }
    return runs;
  };
  // --max-memory watches the runs as it watches one (the outputs of the earlier backends stay in memory meanwhile).
  const runs = await (ctx.guard ? ctx.guard(runAll()) : runAll());
  const [ref, ...rest] = runs;
  const pairs = rest.map((r) => ({ run: r, comparison: compareOutputs(ref!.tensors, r.tensors, ctx.tol) }));
  const ok = pairs.every((p) => p.comparison.ok);
  if (ctx.json) {
    outJson({
      model: ctx.modelPath,
      ...(ctx.inputs ? { inputs: ctx.inputs } : {}),
      compareBackends: {
        ok,
        reference: ref!.name,
        runs: runs.map((r) => ({ backend: r.name, runMs: roundMs(r.runMs) })),
        pairs: pairs.map((p) => ({ reference: ref!.name, backend: p.run.name, ...comparisonJson(p.comparison) })),
      },
    });
  } else {
    const c = await colors();
    for (const r of runs) err(c.dim(`ran on ${r.name} in ${roundMs(r.runMs)} ms`));
    for (const p of pairs) {
      out();
      await printComparison(`${p.run.name} against ${ref!.name}`, p.comparison, ref!.name);
    }
  }
  const bad = pairs.find((p) => !p.comparison.ok);
  if (bad) throw mismatchError(bad.comparison, `backend '${bad.run.name}' differs from backend '${ref!.name}'`);
}
