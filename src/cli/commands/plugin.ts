import { defineHoduCommand } from '../command';
import { lazyCommands } from '../lazy-commands';

/** `hodu plugin <command>`: each subcommand is its own file under ./plugin/, loaded on use. */
export default defineHoduCommand({
  meta: { name: 'plugin', description: 'Create, install, list and remove plugins (formats and backends)' },
  examples: [
    'hodu plugin new demo --type backend --lang c',
    'hodu plugin install --path demo',
    'hodu plugin list --json',
    'hodu plugin info demo',
    'hodu plugin test demo',
    'hodu plugin disable demo',
    'hodu plugin remove demo',
  ],
  subCommands: lazyCommands({
    list: () => import('./plugin/list'),
    info: () => import('./plugin/info'),
    install: () => import('./plugin/install'),
    rebuild: () => import('./plugin/rebuild'),
    remove: () => import('./plugin/remove'),
    disable: () => import('./plugin/disable'),
    enable: () => import('./plugin/enable'),
    new: () => import('./plugin/new'),
    test: () => import('./plugin/test'),
  }),
});
