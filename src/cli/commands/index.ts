import { lazyCommand, type CommandTable } from '../lazy-commands';

/** Every command, loaded lazily: one file per command. A test checks this list against the README and help. */
export const commands: CommandTable = {
  run: { description: 'Run a model on inputs and print or save its outputs', load: lazyCommand(() => import('./run')) },
  inspect: { description: 'Show a model (inputs, outputs, ops, parameters) or a tensor file', load: lazyCommand(() => import('./inspect')) },
  build: { description: 'Compile a model ahead of time into a .so, a .a or a standalone executable (no hodu needed to run it)', load: lazyCommand(() => import('./build')) },
  convert: { description: 'Convert a model or tensor file to another format (by extension); extract weights, upgrade the opset', load: lazyCommand(() => import('./convert')) },
  plugin: { description: 'Create, install, list and remove plugins (formats and backends)', load: lazyCommand(() => import('./plugin')) },
  cache: { description: 'Show and clean the compile cache of built models and kernel libraries', load: lazyCommand(() => import('./cache')) },
  config: { description: 'Show and change settings in $HODU_HOME/config.toml', load: lazyCommand(() => import('./config')) },
  doctor: { description: 'Check the installation, environment and configuration', load: lazyCommand(() => import('./doctor')) },
  'self-update': { description: 'Update hodu to the latest release (signed and checksummed), or roll back', load: lazyCommand(() => import('./self-update')) },
  ops: { description: 'List the supported ops per backend, with opset range and dtypes', load: lazyCommand(() => import('./ops')) },
  version: { description: 'Show version, commit, Bun, platform and SDK/ABI versions', load: lazyCommand(() => import('./version')) },
  completions: { description: 'Print the shell completion script for bash, zsh, fish or powershell', load: lazyCommand(() => import('./completions')) },
};
