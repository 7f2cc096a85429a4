/** `hodu inspect M --shapes`: every value's inferred dtype and shape (src/runtime/inspect-shapes.ts). */
import type { Model } from '../../ir/graph';
import { listValueShapes } from '../../runtime/inspect-shapes';
import { inferModelValues } from '../../runtime/inspect-values';
import { colors } from '../ui/colors';
import { formatShape, out, outJson, table } from '../ui/output';

export async function inspectShapes(path: string, model: Model, json: boolean): Promise<void> {
  const graphs = listValueShapes(model, inferModelValues(model));
  if (json) return outJson({ file: path, graphs });
  const c = await colors();
  graphs.forEach((g, i) => {
    if (i > 0) out();
    out(c.bold(g.graph === 'main' ? 'main graph' : `body ${g.graph}`));
    const rows = g.values.map((v) => [v.name, c.cyan(v.dtype ?? '?'), formatShape(v.shape), c.dim(v.kind === 'input' ? 'input' : `${v.op} ${v.node}${v.kind === 'output' ? ', output' : ''}`)]);
    out(rows.length ? table(rows) : '  (no values)');
  });
}
