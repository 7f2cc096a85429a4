import type { HoduCommand } from '../command';

/** Every command, loaded lazily: one file per command. A test checks this list against the README and help. */
export const commands: Record<string, { description: string; load: () => Promise<HoduCommand> }> = {
  run: { description: 'Run a model on inputs and print or save its outputs', load: async () => (await import('./run')).default as HoduCommand },
  inspect: { description: 'Show a model (inputs, outputs, ops, parameters) or a tensor file', load: async () => (await import('./inspect')).default as HoduCommand },
  convert: { description: 'Convert a model or tensor file to another format (by extension)', load: async () => (await import('./convert')).default as HoduCommand },
  plugin: { description: 'Create, install, list and remove plugins (formats and backends)', load: async () => (await import('./plugin')).default as HoduCommand },
  config: { description: 'Show and change settings in $HODU_HOME/config.toml', load: async () => (await import('./config')).default as HoduCommand },
  doctor: { description: 'Check the installation, environment and configuration', load: async () => (await import('./doctor')).default as HoduCommand },
  'self-update': { description: 'Update hodu to the latest release (signed and checksummed), or roll back', load: async () => (await import('./self-update')).default as HoduCommand },
  ops: { description: 'List the supported ops per backend, with opset range and dtypes', load: async () => (await import('./ops')).default as HoduCommand },
  version: { description: 'Show version, commit, Bun, platform and SDK/ABI versions', load: async () => (await import('./version')).default as HoduCommand },
  completions: { description: 'Print the shell completion script for bash, zsh, fish or powershell', load: async () => (await import('./completions')).default as HoduCommand },
};
