/** config.toml + environment → Settings, for commands. The pure rules live in src/config/settings.ts. */
import { hoduHome } from '../home';
import { resolveSettings, type Settings, type SettingsFlags } from './settings';
import { loadConfig } from './load';

export { configPath, loadConfig } from './load';

/** Settings for this process: `flags` > process.env > $HODU_HOME/config.toml > defaults. */
export async function loadSettings(flags: SettingsFlags = {}): Promise<Settings> {
  return resolveSettings({ flags, env: process.env, config: await loadConfig(), home: hoduHome() });
}
