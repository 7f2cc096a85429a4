import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'get', description: 'Print the value of one config key (the default when unset)' },
  args: {
    key: { type: 'positional', description: 'Dotted key, e.g. runtime.threads', required: true },
    ...jsonArg,
  },
  examples: ['hodu config get runtime.threads', 'hodu config get log.level --json'],
  async run({ args }) {
    const { requireConfigKey } = await import('../../../config/edit');
    const { readConfigFile } = await import('../../../config/load');
    const { keyValue, showValue } = await import('./values');
    const { err, out, outJson } = await import('../../ui/output');
    const k = requireConfigKey(String(args.key));
    const file = await readConfigFile();
    const v = keyValue(k, file.data, process.env);
    if (args.json) return outJson({ key: v.key, value: v.value ?? null, source: v.source, default: v.default ?? null, ...(v.overriddenBy ? { overriddenBy: v.overriddenBy } : {}) });
    if (v.source === 'unset') err(`${k.key} is not set: ${k.description}`);
    else out(showValue(v.value));
    if (v.overriddenBy) err(`note: $${v.overriddenBy} is set and overrides this value`);
  },
});
