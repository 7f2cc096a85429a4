import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'unset', description: 'Remove one key from config.toml (it falls back to its default)' },
  args: {
    key: { type: 'positional', description: 'Dotted key, e.g. runtime.threads (unknown keys are accepted, to clean up a file)', required: true },
    ...jsonArg,
  },
  examples: ['hodu config unset runtime.backend', 'hodu config unset runtime.thread'],
  async run({ args }) {
    const key = String(args.key);
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+$/.test(key)) {
      const { HoduError } = await import('../../../errors');
      throw new HoduError('E_USAGE', `'${key}' is not a dotted config key (section.name)`, { hint: '`hodu config list` shows every key' });
    }
    const { writeConfigEdit } = await import('../../config/write-edit');
    await writeConfigEdit(key, undefined, Boolean(args.json));
  },
});
