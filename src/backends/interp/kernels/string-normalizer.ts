import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';

// Removes stopwords (compared exactly, or lower-cased on both sides when is_case_sensitive = 0), then changes case.
// Case mapping is JS toLowerCase/toUpperCase: Unicode's default, locale-independent mapping. The `locale`
// attribute is deliberately ignored so that results never depend on the machine (e.g. no Turkish dotless i).
// When every string is removed the output holds one empty string, [1] or [1, 1], as onnxruntime does.
export default defineKernel('StringNormalizer', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  if (x.dtype !== 'string') throw nodeError(ctx.node, 'E_DTYPE', `X must be string, got ${x.dtype}`);
  if (!(x.rank === 1 || (x.rank === 2 && x.dims[0] === 1))) {
    throw nodeError(ctx.node, 'E_SHAPE', `X must be [C] or [1, C], got [${x.dims}]`);
  }
  const action = ctx.attr<string>('case_change_action');
  if (action !== 'NONE' && action !== 'LOWER' && action !== 'UPPER') {
    throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unknown case_change_action '${action}'`, 'expected LOWER, UPPER or NONE');
  }
  const sensitive = ctx.attr<number>('is_case_sensitive') !== 0;
  const fold = (s: string) => (sensitive ? s : s.toLowerCase());
  const stop = new Set(ctx.attr<string[]>('stopwords').map(fold));
  const kept = (x.data as string[]).filter((s) => !stop.has(fold(s)));
  const changed = kept.map((s) => (action === 'LOWER' ? s.toLowerCase() : action === 'UPPER' ? s.toUpperCase() : s));
  const data = changed.length > 0 ? changed : [''];
  return [new Tensor('string', x.rank === 2 ? [1, data.length] : [data.length], data)];
});
