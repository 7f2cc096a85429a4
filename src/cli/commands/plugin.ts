import { defineHoduCommand, type HoduCommand } from '../command';

const sub = (load: () => Promise<{ default: unknown }>) => async () => (await load()).default as HoduCommand;

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
  subCommands: {
    list: sub(() => import('./plugin/list')),
    info: sub(() => import('./plugin/info')),
    install: sub(() => import('./plugin/install')),
    rebuild: sub(() => import('./plugin/rebuild')),
    remove: sub(() => import('./plugin/remove')),
    disable: sub(() => import('./plugin/disable')),
    enable: sub(() => import('./plugin/enable')),
    new: sub(() => import('./plugin/new')),
    test: sub(() => import('./plugin/test')),
  },
});
