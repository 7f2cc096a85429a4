import { defineHoduCommand } from '../../command';

export default defineHoduCommand({
  meta: { name: 'install', description: 'Install a plugin package from a folder (builds native sources with the system C compiler)' },
  args: {
    path: { type: 'string', description: 'Folder holding the plugin package.json', required: true, valueHint: 'dir' },
    debug: { type: 'boolean', description: 'Build native sources with -O0 -g instead of -O2', default: false },
    force: { type: 'boolean', description: 'Replace an installed plugin of the same name', default: false },
  },
  examples: ['hodu plugin install --path ./demo', 'hodu plugin install --path ./demo --debug --force'],
  async run({ args }) {
    const { installFromPath } = await import('../../../plugins/install');
    const { installProgress } = await import('./progress');
    const { err } = await import('../../ui/output');
    const { plugin, replaced } = await installFromPath(args.path, { debug: args.debug, force: args.force, onEvent: await installProgress() });
    err(`${replaced ? 'replaced' : 'installed'} ${plugin.type} plugin ${plugin.name} ${plugin.version} (${plugin.build}) in ${plugin.path}`);
  },
});
