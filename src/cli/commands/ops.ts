import { defineHoduCommand } from '../command';
import { jsonArg } from '../shared-args';
import { domainDisplayName } from '../../ir/op-id';

export default defineHoduCommand({
  meta: { name: 'ops', description: 'List the supported ops per backend, with opset range and dtypes' },
  args: {
    backend: { type: 'string', description: 'Only this backend (default: interp and every installed backend plugin)', valueHint: 'name' },
    ...jsonArg,
  },
  examples: ['hodu ops', 'hodu ops --json', 'hodu ops --backend interp'],
  async run({ args }) {
    const { listOps } = await import('../../runtime/ops-listing');
    const { out, outJson, table } = await import('../ui/output');
    const { colors } = await import('../ui/colors');
    const backends = await listOps(args.backend ? String(args.backend) : undefined);
    if (args.json) {
      outJson({ backends });
      return;
    }
    const c = await colors();
    for (const b of backends) {
      out(`${c.bold(b.backend)} ${c.dim(`(${b.kind}${b.status === 'broken' ? ', broken' : ''}, ${b.ops.length} ops)`)}`);
      const rows = b.ops.map((o) => [
        o.op,
        domainDisplayName(o.domain),
        o.untilVersion === undefined ? `${o.sinceVersion}+` : `${o.sinceVersion}..${o.untilVersion}`,
        `${o.dtypes.join(',')}${o.dtypeSource === 'schema' ? '' : c.dim(` (${o.dtypeSource})`)}`,
      ]);
      out(table([['op', 'domain', 'opsets', 'dtypes'].map((h) => c.dim(h)), ...rows]));
      out();
    }
  },
});
