/**
 * The model-to-model half of `hodu convert`: an optional opset upgrade (src/convert/opset/), an optional
 * optimization level (the pipeline `hodu run` uses), then the ONNX bytes, with large initializers in a side
 * file when asked. What is saved must load in any ONNX runtime, so after -O a node newer than the model's opset
 * (a fused LayerNormalization or Gelu) or one of hodu's private domain is refused rather than written.
 */
import { basename } from 'node:path';
import { upgradeOpset, type OpsetUpgradeReport } from '../convert/opset/upgrade';
import { opsetFor, type Graph, type Model } from '../ir/graph';
import { nodeError } from '../ir/node-error';
import { HODU_DOMAIN } from '../ir/op-id';
import { subgraphsOf } from '../ir/subgraphs';
import { verifyModel } from '../ir/verifier';
import { getOpSchema } from '../ops/registry';
import type { OptLevel } from '../passes/pass';
import { optimize } from '../passes/pipeline';

export interface ModelConvertOptions {
  opset?: number;
  optLevel?: OptLevel;
  externalData?: boolean;
}

interface ModelConvertResult {
  model: Model;
  opset?: OpsetUpgradeReport;
  optLevel?: OptLevel;
}

export function transformModel(model: Model, options: ModelConvertOptions): ModelConvertResult {
  const opset = options.opset === undefined ? undefined : upgradeOpset(model, options.opset);
  let out = model;
  if (options.optLevel !== undefined) {
    out = optimize(model, options.optLevel);
    checkSavable(out, options.optLevel);
  }
  verifyModel(out);
  return { model: out, opset, optLevel: options.optLevel };
}

/** The ONNX bytes of the model, inline or with its large initializers in `<output>.data`. */
export async function encodeConverted(model: Model, output: string, externalData: boolean): Promise<{ bytes: Uint8Array; data?: { file: string; bytes: Uint8Array; tensors: number } }> {
  if (!externalData) {
    const { encodeModel } = await import('../formats/onnx/encode');
    return { bytes: encodeModel(model) };
  }
  const { encodeModelWithExternalData } = await import('../formats/onnx/encode-external');
  const file = `${output}.data`;
  const r = encodeModelWithExternalData(model, basename(file));
  return { bytes: r.model, data: { file, bytes: r.data, tensors: r.tensors } };
}

function checkSavable(model: Model, level: OptLevel): void {
  const opset = opsetFor(model, '') ?? 1;
  const walk = (g: Graph) => {
    for (const node of g.nodes) {
      for (const body of subgraphsOf(node)) walk(body);
      if (node.domain === HODU_DOMAIN) {
        throw nodeError(node, 'E_CONVERT_OPSET', `-O${level} produced an op of hodu's private domain, which other runtimes cannot load`, 'save without -O');
      }
      const since = node.domain === '' ? getOpSchema(node.op)?.sinceVersion : undefined;
      if (since !== undefined && since > opset) {
        throw nodeError(node, 'E_CONVERT_OPSET', `-O${level} fused nodes into ${node.op}, an opset-${since} op, but the model is at opset ${opset}`, `add --opset ${since} (or higher) to upgrade first, or use -O1`);
      }
    }
  };
  walk(model.graph);
}
