import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'set', description: 'Set one config key (validated; comments in the file are kept)' },
  args: {
    key: { type: 'positional', description: 'Dotted key, e.g. runtime.threads', required: true },
    value: { type: 'positional', description: 'New value: numbers, true/false and sizes (2GiB) are converted', required: true },
    ...jsonArg,
  },
  examples: ['hodu config set runtime.threads 4', 'hodu config set runtime.max_memory 2GiB', 'hodu config set log.level debug', 'hodu config set update.check false'],
  async run({ args }) {
    const { requireConfigKey, coerceConfigValue } = await import('../../../config/edit');
    const { writeConfigEdit } = await import('../../config/write-edit');
    const k = requireConfigKey(String(args.key));
    const value = coerceConfigValue(k, String(args.value));
    if ((k.key === 'runtime.backend' || k.key === 'runtime.device') && typeof value === 'string') {
      const check = await import('../../../config/check-backend');
      await (k.key === 'runtime.backend' ? check.checkBackendName(value) : check.checkDeviceName(value));
    }
    await writeConfigEdit(k.key, value, Boolean(args.json), k.notUsedYet);
  },
});
