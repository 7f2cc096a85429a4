import { defineHoduCommand } from '../command';
import { lazyCommands } from '../lazy-commands';

/** `hodu cache <command>`: each subcommand is its own file under ./cache/, loaded on use. */
export default defineHoduCommand({
  meta: { name: 'cache', description: 'Show and clean the compile cache of built models and kernel libraries' },
  examples: ['hodu cache status', 'hodu cache status --json', 'hodu cache clean --dry-run', 'hodu cache clean --older-than 7d', 'hodu cache clean --model model.onnx', 'hodu cache clean --all'],
  subCommands: lazyCommands({
    status: () => import('./cache/status'),
    clean: () => import('./cache/clean'),
  }),
});
