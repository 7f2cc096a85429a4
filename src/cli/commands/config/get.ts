import { defineHoduCommand, exitWith } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: {
    name: 'get',
    description: 'Print the value of one config key as hodu uses it (its environment variable, else config.toml); an unset key prints nothing and exits 1',
  },
  args: {
    key: { type: 'positional', description: 'Dotted key, e.g. runtime.threads', required: true },
    default: { type: 'boolean', description: 'Print the default when the key is not set (exit 1 only if it has none)', default: false },
    ...jsonArg,
  },
  examples: ['hodu config get runtime.threads', 'hodu config get update.channel --default', 'hodu config get log.level --json'],
  async run({ args }) {
    const { requireConfigKey } = await import('../../../config/edit');
    const { readConfigFile } = await import('../../../config/load');
    const { keyValue } = await import('../../../config/key-value');
    const { showValue } = await import('../../config/show-value');
    const { err, out, outJson } = await import('../../ui/output');
    const k = requireConfigKey(String(args.key));
    const file = await readConfigFile();
    const v = keyValue(k, file.data, process.env);
    // --json describes the key whatever its state: value (default included), source, default.
    if (args.json) {
      return outJson({ key: v.key, value: v.value ?? null, source: v.source, default: v.default ?? null, ...(v.env ? { env: v.env } : {}), ...(v.configValue !== undefined ? { configValue: v.configValue } : {}) });
    }
    // Like `git config --get`: a key nobody set prints nothing and exits 1, so scripts can test for it.
    const set = v.source === 'env' || v.source === 'config';
    if (!set && !(args.default && v.source === 'default')) return exitWith(1);
    out(showValue(v.value));
    if (v.source === 'env') err(`note: from $${v.env}${v.configValue !== undefined ? ` (config.toml has ${showValue(v.configValue)})` : ''}`);
  },
});
