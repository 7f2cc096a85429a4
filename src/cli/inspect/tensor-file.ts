/**
 * `hodu inspect FILE.npy|.npz|.safetensors|.pb`: the tensors a file holds, and with `--stats` the statistics
 * of each (src/runtime/tensor-stats.ts: min, max, mean, std over the finite elements, NaN and Inf counts),
 * with `--values` a numpy-style preview of each (src/cli/ui/tensor-preview.ts, summarized past 1000 elements).
 */
import type { TensorMap } from '../../sdk/format';
import { summarizeTensors, type TensorFileSummary } from '../../runtime/inspect';
import { tensorStats, type TensorStats } from '../../runtime/tensor-stats';
import { colors } from '../ui/colors';
import { formatBytes, formatShape, out, outJson, table } from '../ui/output';
import { previewTensor, terminalLineWidth } from '../ui/tensor-preview';

export async function renderTensorList(path: string, s: TensorFileSummary): Promise<void> {
  const c = await colors();
  out(`${c.bold(path)}  ${s.format}, ${s.tensors.length} tensor${s.tensors.length === 1 ? '' : 's'}, ${formatBytes(s.totalBytes)}`);
  out(table(s.tensors.map((t) => [t.name, c.cyan(t.dtype), formatShape(t.shape), formatBytes(t.bytes)])));
}

export async function inspectTensorFile(path: string, format: string, tensors: TensorMap, opts: { stats: boolean; values: boolean; json: boolean }): Promise<void> {
  const summary = summarizeTensors(format, tensors);
  const stats = opts.stats ? [...tensors.values()].map(tensorStats) : [];
  if (opts.json) {
    const lineWidth = 75;
    const list = summary.tensors.map((t, i) => ({
      ...t,
      ...(opts.stats ? { stats: stats[i] } : {}),
      ...(opts.values ? { preview: previewTensor(tensors.get(t.name)!, { lineWidth }) } : {}),
    }));
    return outJson({ file: path, ...summary, tensors: list });
  }
  const c = await colors();
  out(`${c.bold(path)}  ${summary.format}, ${summary.tensors.length} tensor${summary.tensors.length === 1 ? '' : 's'}, ${formatBytes(summary.totalBytes)}`);
  if (opts.stats) {
    const head = ['name', 'dtype', 'shape', 'min', 'max', 'mean', 'std', 'nan', 'inf'].map((h) => c.dim(h));
    out(table([head, ...summary.tensors.map((t, i) => [t.name, c.cyan(t.dtype), formatShape(t.shape), ...statCells(stats[i] ?? null, c.red)])]));
  } else out(table(summary.tensors.map((t) => [t.name, c.cyan(t.dtype), formatShape(t.shape), formatBytes(t.bytes)])));
  if (!opts.values) return;
  const lineWidth = terminalLineWidth();
  for (const t of summary.tensors) {
    out();
    out(`${c.bold(t.name)}  ${c.cyan(t.dtype)}${formatShape(t.shape)}`);
    out(previewTensor(tensors.get(t.name)!, { lineWidth }));
  }
}

/** min, max, mean, std (6 significant digits, '-' when there is no finite element), then the NaN and Inf counts (red when not 0). */
function statCells(s: TensorStats | null, red: (s: string) => string): string[] {
  if (!s) return ['-', '-', '-', '-', '-', '-'];
  const num = (x: number | null) => (x === null ? '-' : String(Number(x.toPrecision(6))));
  const count = (n: number) => (n ? red(String(n)) : '0');
  return [num(s.min), num(s.max), num(s.mean), num(s.std), count(s.nan), count(s.inf)];
}
