import { defineHoduCommand, type HoduCommand } from '../command';

const sub = (load: () => Promise<{ default: unknown }>) => async () => (await load()).default as HoduCommand;

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
  subCommands: {
    list: sub(() => import('./config/list')),
    get: sub(() => import('./config/get')),
    set: sub(() => import('./config/set')),
    unset: sub(() => import('./config/unset')),
    path: sub(() => import('./config/path')),
    edit: sub(() => import('./config/edit')),
  },
});
