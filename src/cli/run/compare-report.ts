/**
 * How `--expect` and `--compare-backends` show a comparison (src/runtime/compare/): one row per output on
 * stdout, or the same facts as JSON with stable keys and rounded numbers.
 */
import type { OutputComparison, OutputsComparison } from '../../runtime/compare/compare-outputs';
import type { FirstMismatch } from '../../runtime/compare/compare-tensors';
import { colors } from '../ui/colors';
import { formatShape, out, table } from '../ui/output';

/** Six significant digits: enough to tell 1e-4 from 1.2e-4, short enough to read. */
const sig = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
/** JSON has no NaN or Inf: those are written as strings. */
const jsonValue = (v: number | string) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

export function comparisonJson(c: OutputsComparison) {
  return {
    ok: c.ok,
    rtol: c.rtol,
    atol: c.atol,
    outputs: c.outputs.map((o) => {
      if (o.status !== 'compared') return { name: o.name, ok: false, status: o.status };
      return {
        name: o.name,
        ok: o.ok,
        status: o.status,
        dtypeOk: o.dtypeOk,
        shapeOk: o.shapeOk,
        expected: { dtype: o.expectedDtype, shape: o.expectedShape },
        got: { dtype: o.gotDtype, shape: o.gotShape },
        maxAbsDiff: sig(o.maxAbsDiff),
        maxRelDiff: sig(o.maxRelDiff),
        mismatched: o.mismatched,
        total: o.total,
        ...(o.first ? { firstMismatch: { index: o.first.index, expected: jsonValue(o.first.expected), got: jsonValue(o.first.got) } } : {}),
      };
    }),
  };
}

/** The two values with as many digits as it takes to tell them apart (six at least, shortest round-trip at most). */
function firstText(f: FirstMismatch): string {
  const [e, g] = [f.expected, f.got];
  let digits = 6;
  if (typeof e === 'number' && typeof g === 'number' && Number.isFinite(e) && Number.isFinite(g)) {
    while (digits < 17 && e.toPrecision(digits) === g.toPrecision(digits)) digits++;
  }
  const show = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v));
  return `${formatShape(f.index)}: expected ${show(e)}, got ${show(g)}`;
}

async function row(o: OutputComparison, missingWhat: string, extraWhat: string): Promise<string[]> {
  const c = await colors();
  const mark = o.ok ? c.green('ok') : c.red('MISMATCH');
  if (o.status !== 'compared') return [mark, o.name, c.red(o.status === 'missing' ? missingWhat : extraWhat), '', '', '', '', ''];
  const dtype = o.dtypeOk ? o.gotDtype : c.red(`${o.gotDtype} (expected ${o.expectedDtype})`);
  const shape = o.shapeOk ? formatShape(o.gotShape) : c.red(`${formatShape(o.gotShape)} (expected ${formatShape(o.expectedShape)})`);
  const compared = o.dtypeOk && o.shapeOk;
  return [mark, o.name, dtype, shape, compared ? String(sig(o.maxAbsDiff)) : '-', compared ? String(sig(o.maxRelDiff)) : '-', `${o.mismatched} / ${o.total}`, o.first ? firstText(o.first) : ''];
}

/** The table on stdout (it is the result of the run), headed by `title`; `against` names the reference in the missing/extra rows. */
export async function printComparison(title: string, comparison: OutputsComparison, against: string): Promise<void> {
  const c = await colors();
  out(c.bold(title) + c.dim(` (rtol ${comparison.rtol}, atol ${comparison.atol}; NaN equals NaN)`));
  const rows = [[c.dim(''), c.dim('output'), c.dim('dtype'), c.dim('shape'), c.dim('max abs diff'), c.dim('max rel diff'), c.dim('mismatched'), c.dim('first mismatch')]];
  for (const o of comparison.outputs) rows.push(await row(o, `missing: in ${against}, not produced`, `extra: produced, not in ${against}`));
  out(table(rows));
}

/** One line naming what differs, for the error that ends a failed comparison. */
export function mismatchSummary(comparison: OutputsComparison): string {
  const bad = comparison.outputs.filter((o) => !o.ok);
  return bad.map((o) => {
    if (o.status !== 'compared') return `${o.name} (${o.status})`;
    if (!o.dtypeOk || !o.shapeOk) return `${o.name} (${!o.dtypeOk ? 'dtype' : 'shape'})`;
    return `${o.name} (${o.mismatched} of ${o.total} elements, ${o.mismatched > 1 ? 'first ' : ''}at ${formatShape(o.first!.index)})`;
  }).join(', ');
}
