/**
 * The first step of `hodu build`: load the model as `hodu run` does, optimize it at -O, fix every input's
 * shape (declared, or given with --shape), plan the DispatchManifest and check that the build backend has a
 * kernel for every step: a built model has no interp to fall back on.
 */
import { HoduError } from '../errors';
import { feedInputs, type Model } from '../ir/graph';
import { opId } from '../ir/op-id';
import type { OptLevel } from '../passes/pass';
import { planManifest } from '../plan/plan-manifest';
import { prepareModel } from '../runtime/prepare';
import { parseShapeOverride } from '../runtime/shape-spec';
import { encodeManifest, type DispatchManifest } from '../sdk/manifest';
import { didYouMean } from '../util/did-you-mean';

interface StaticPlan {
  model: Model;
  manifest: DispatchManifest;
  /** encodeManifest(manifest). */
  encoded: Uint8Array;
  /** Every fed input's static shape, in graph input order. */
  shapes: Map<string, number[]>;
}

/** `--shape NAME=DIMS` values as a map (later ones win), names checked against the model's inputs. */
function parseShapeFlags(model: Model, specs: readonly string[]): Map<string, number[]> {
  const names = feedInputs(model.graph).map((i) => i.name);
  const shapes = new Map<string, number[]>();
  for (const spec of specs) {
    const { name, dims } = parseShapeOverride(spec);
    if (!names.includes(name)) {
      const guess = didYouMean(name, names);
      throw new HoduError('E_INPUT_NAME', `--shape names '${name}', which is not an input of this model; inputs: ${names.join(', ') || '(none)'}`, {
        hint: guess ? `did you mean '${guess}'?` : 'run `hodu inspect MODEL` to see the input names',
      });
    }
    shapes.set(name, dims);
  }
  return shapes;
}

const exampleDims = (dims: readonly (number | string)[] | undefined, fill: number[] = []) =>
  (dims ?? [1]).map((d, i) => (typeof d === 'number' ? d : (fill[i] ?? 1))).join('x');

/** Each fed input's static shape: the declared one, or --shape's (which must agree with the declared static dims). */
export function staticInputShapes(model: Model, given: ReadonlyMap<string, number[]>): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  for (const input of feedInputs(model.graph)) {
    const t = input.type;
    if (t && t.kind !== 'tensor') {
      throw new HoduError('E_PLAN', `input '${input.name}' is a ${t.kind}; a built model takes tensors only`, { hint: '`hodu run` runs this model' });
    }
    const declared = t?.shape;
    const fixed = given.get(input.name);
    if (fixed) {
      if (declared && declared.length !== fixed.length) {
        throw new HoduError('E_BUILD_SHAPE', `--shape ${input.name}=${fixed.join('x')} has rank ${fixed.length}, but input '${input.name}' has rank ${declared.length} [${declared.join(', ')}]`, {
          hint: `e.g. --shape ${input.name}=${exampleDims(declared)}`,
        });
      }
      declared?.forEach((d, i) => {
        if (typeof d === 'number' && d !== fixed[i]) {
          throw new HoduError('E_BUILD_SHAPE', `--shape ${input.name}=${fixed.join('x')}: dim ${i} of input '${input.name}' is fixed at ${d} by the model`, {
            hint: `e.g. --shape ${input.name}=${exampleDims(declared, fixed)}`,
          });
        }
      });
      shapes.set(input.name, fixed);
      continue;
    }
    if (!declared) {
      throw new HoduError('E_BUILD_SHAPE', `input '${input.name}' has no declared shape; a built model needs a static shape for every input`, {
        hint: `give it with --shape, e.g. --shape ${input.name}=1x3x224x224`,
      });
    }
    const symbolic = declared.findIndex((d) => typeof d !== 'number');
    if (symbolic >= 0) {
      const dim = declared[symbolic];
      throw new HoduError('E_BUILD_SHAPE', `input '${input.name}' has a symbolic dim '${dim}' (dim ${symbolic} of [${declared.join(', ')}]); a built model needs static shapes`, {
        hint: `give it with --shape, e.g. --shape ${input.name}=${exampleDims(declared)}`,
      });
    }
    shapes.set(input.name, declared as number[]);
  }
  return shapes;
}

const UNSUPPORTED_HINT = (backend: string) => `\`hodu run --backend ${backend}\` still runs it (those nodes on the interp); a built model must run entirely on its backend`;

/** The steps the backend has no kernel for → E_BUILD_UNSUPPORTED listing the ops and their nodes. */
export function checkKernelCoverage(model: Model, manifest: DispatchManifest, backend: string, kernels: readonly string[]): void {
  const have = new Set(kernels);
  const opOf = new Map(model.graph.nodes.map((n) => [n.name, opId(n.domain, n.op)]));
  const byOp = new Map<string, string[]>();
  for (const s of manifest.steps) {
    if (have.has(s.kernel)) continue;
    const op = opOf.get(s.node) ?? s.kernel;
    byOp.set(op, [...(byOp.get(op) ?? []), s.node]);
  }
  if (byOp.size === 0) return;
  const list = [...byOp].sort(([a], [b]) => a.localeCompare(b)).map(([op, nodes]) => {
    const shown = nodes.slice(0, 5).map((n) => `'${n}'`).join(', ');
    return `${op} (${nodes.length === 1 ? 'node' : 'nodes'} ${shown}${nodes.length > 5 ? `, … ${nodes.length - 5} more` : ''})`;
  });
  throw new HoduError('E_BUILD_UNSUPPORTED', `backend '${backend}' cannot build this model: it has no kernel for ${list.join('; ')}`, {
    hint: UNSUPPORTED_HINT(backend),
  });
}

/** Loads, optimizes and plans the model for `backend`'s kernels. */
export async function staticPlan(o: { path: string; optLevel: OptLevel; shapes: readonly string[]; backend: string; kernels: readonly string[] }): Promise<StaticPlan> {
  const { loadModelFile } = await import('../formats/registry');
  const loaded = await loadModelFile(o.path);
  const given = parseShapeFlags(loaded, o.shapes);
  const model = prepareModel(loaded, o.optLevel);
  const shapes = staticInputShapes(model, given);
  let manifest: DispatchManifest;
  try {
    manifest = planManifest(model, shapes);
  } catch (e) {
    // Control flow or a shape only known at run time: `hodu run` handles those (partitioned), a build cannot.
    if (e instanceof HoduError && e.code === 'E_PLAN') throw new HoduError('E_BUILD_UNSUPPORTED', `backend '${o.backend}' cannot build this model: ${e.message}`, { hint: UNSUPPORTED_HINT(o.backend), cause: e });
    throw e;
  }
  checkKernelCoverage(model, manifest, o.backend, o.kernels);
  return { model, manifest, encoded: encodeManifest(manifest), shapes };
}
