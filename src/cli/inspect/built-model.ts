/**
 * `hodu inspect FILE.so`: what a model built by `hodu build` declares (src/runtime/artifact/): its inputs
 * and outputs, the backend and target it was built for, the hodu and opt level that built it, and the hash
 * of the source model. Nothing is created or run. Graph flags (--graph, --initializers, --node, --shapes) do not apply: the
 * library holds no graph, only the plan compiled from one.
 */
import { readBuiltModel, type BuiltModelDescription } from '../../runtime/artifact/index';
import { colors } from '../ui/colors';
import { formatBytes, formatShape, out, outJson, table, err } from '../ui/output';

/** `graphFlags`: the graph flags given (--graph, --initializers, --node, --shapes), noted as not applying. */
export async function inspectBuiltModel(path: string, opts: { json: boolean; graphFlags: string[] }): Promise<void> {
  const d = readBuiltModel(path);
  if (opts.graphFlags.length) err(`note: ${opts.graphFlags.join(', ')} ${opts.graphFlags.length > 1 ? 'do' : 'does'} not apply to ${path}: a built model holds its compiled plan, not the graph; inspect the source model for that`);
  if (opts.json) return outJson(builtModelJson(path, d));
  const c = await colors();
  const i = d.info;
  out(c.bold(path));
  out(table([
    ['kind', 'model built by `hodu build` (shared library)'],
    ['model', i.model_name || '(unnamed)'],
    ['backend', `${i.backend} ${i.backend_version}`],
    ['target', i.target],
    ['built by', `hodu ${i.hodu_version}`],
    ['optimized', `-O${i.opt_level}`],
    ['threads', i.threads ? `${i.threads} by default` : 'the machine\'s cores by default'],
    ['source sha256', i.model_sha256 || '(not recorded)'],
  ]));
  out();
  const rows = (list: BuiltModelDescription['inputs']) => table(list.map((t) => [t.name, c.cyan(t.dtype), formatShape(t.dims), formatBytes(t.bytes)])) || '  (none)';
  out(c.bold('inputs'));
  out(rows(d.inputs));
  out(c.bold('outputs'));
  out(rows(d.outputs));
}

function builtModelJson(path: string, d: BuiltModelDescription): Record<string, unknown> {
  const i = d.info;
  const tensors = (list: BuiltModelDescription['inputs']) => list.map((t) => ({ name: t.name, dtype: t.dtype, shape: t.dims, bytes: t.bytes }));
  return {
    file: path,
    kind: 'built-model',
    model: i.model_name,
    backend: i.backend,
    backendVersion: i.backend_version,
    target: i.target,
    hoduVersion: i.hodu_version,
    optLevel: i.opt_level,
    threads: i.threads,
    modelSha256: i.model_sha256,
    inputs: tensors(d.inputs),
    outputs: tensors(d.outputs),
  };
}
