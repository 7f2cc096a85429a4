/**
 * `hodu run M --dump DIR [--dump-nodes REGEX]`: the chosen values are added as outputs before the model is
 * prepared (src/runtime/dump/expose-values.ts), split off the run's outputs after it, and written as .npy
 * files plus index.json (src/runtime/dump/encode-dump.ts).
 */
import { HoduError } from '../../errors';
import type { Model } from '../../ir/graph';
import { encodeDump, type EncodedDump } from '../../runtime/dump/encode-dump';
import { exposeValues, type DumpPlan } from '../../runtime/dump/expose-values';
import type { RuntimeValue } from '../../sdk/backend';
import { checkWritableDir } from '../../util/check-writable';

interface Dump {
  dir: string;
  plan: DumpPlan;
}

/** Before the model loads: DIR must be a folder or creatable (an existing file is refused). */
export function checkDumpDir(dir: string | undefined): void {
  if (dir !== undefined) checkWritableDir(dir);
}

export function exposeForDump(model: Model, dump: { dir: string; filter?: RegExp } | undefined): { model: Model; dump?: Dump } {
  if (!dump) return { model };
  const plan = exposeValues(model, dump.filter);
  // A filter that matches nothing would dump nothing and exit 0: say so before the run, with names that exist.
  if (dump.filter && plan.values.length === 0) {
    const names = model.graph.nodes.slice(0, 3).map((n) => `${n.name || '(unnamed)'} (${n.op})`);
    throw new HoduError('E_USAGE', `--dump-nodes '${dump.filter.source}' matches no value, node name or op of the model's top-level graph`, {
      hint: `nodes are named like ${names.join(', ') || '(the graph has no nodes)'}; \`hodu inspect MODEL --graph text\` lists them all (values inside If/Loop/Scan bodies are never dumped)`,
    });
  }
  return { model: plan.model, dump: { dir: dump.dir, plan } };
}

/**
 * Splits a run's outputs: returns every value that was produced (the model's own outputs included, when they
 * are dumped) and leaves in `outputs` only the model's own outputs, for printing and --output.
 */
export function takeDumped(dump: Dump, outputs: Map<string, RuntimeValue>): Map<string, RuntimeValue> {
  const all = new Map(outputs);
  const own = new Set(dump.plan.outputs);
  for (const name of [...outputs.keys()]) if (!own.has(name)) outputs.delete(name);
  return all;
}

export function encodeDumpFiles(dump: Dump, modelPath: string, values: ReadonlyMap<string, RuntimeValue>): EncodedDump {
  return encodeDump(dump.dir, modelPath, dump.plan.values, values);
}
