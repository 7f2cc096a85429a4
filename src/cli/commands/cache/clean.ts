import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: {
    name: 'clean',
    description: 'Remove compile cache entries: without flags, corrupt ones, interrupted builds and the least recently used over max_size',
  },
  args: {
    all: { type: 'boolean', description: 'Remove every entry', default: false },
    'older-than': { type: 'string', description: 'Remove entries not used for this long, e.g. 7d, 12h, 30m', valueHint: 'duration' },
    model: { type: 'string', description: 'Remove entries built from this model file (matched by its sha256)', valueHint: 'file' },
    'dry-run': { type: 'boolean', description: 'List what would be removed; remove nothing', default: false },
    ...jsonArg,
  },
  examples: [
    'hodu cache clean',
    'hodu cache clean --dry-run',
    'hodu cache clean --older-than 7d',
    'hodu cache clean --model model.onnx --dry-run',
    'hodu cache clean --all --json',
  ],
  async run({ args }) {
    const { cacheSettings, cleanCache } = await import('../../../cache');
    const { cleanFilter } = await import('../../cache/clean-filter');
    const { renderClean } = await import('../../cache/render-clean');
    const result = cleanCache(cacheSettings(), cleanFilter({ all: args.all, olderThan: args['older-than'], model: args.model }), args['dry-run']);
    await renderClean(result, args.json);
  },
});
