import { defineHoduCommand } from '../command';
import { lazyCommands } from '../lazy-commands';

/** `hodu config <command>`: each subcommand is its own file under ./config/, loaded on use. */
export default defineHoduCommand({
  meta: { name: 'config', description: 'Show and change settings in $HODU_HOME/config.toml' },
  examples: [
    'hodu config list',
    'hodu config set runtime.threads 4',
    'hodu config set runtime.max_memory 2GiB',
    'hodu config get log.level',
    'hodu config unset runtime.backend',
    'hodu config edit',
  ],
  subCommands: lazyCommands({
    list: () => import('./config/list'),
    get: () => import('./config/get'),
    set: () => import('./config/set'),
    unset: () => import('./config/unset'),
    path: () => import('./config/path'),
    edit: () => import('./config/edit'),
  }),
});
