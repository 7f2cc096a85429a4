import { readFileSync } from 'node:fs';
import { pluginsFile } from '../../home';

interface InstalledName {
  name: string;
  type: string;
  devices: string[];
}

/**
 * Names (and backend devices) of installed plugins straight from plugins.json, for TAB completion. It skips
 * the validation and checksums of listInstalledPlugins: completion must answer in milliseconds, and a
 * missing or corrupt registry just completes nothing (`hodu plugin list` is where that gets reported).
 */
export function readInstalledNames(file: string = pluginsFile()): InstalledName[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const plugins = (json as { plugins?: unknown })?.plugins;
  if (!plugins || typeof plugins !== 'object') return [];
  const names: InstalledName[] = [];
  for (const [name, entry] of Object.entries(plugins as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as { type?: unknown; capabilities?: { devices?: unknown } };
    const devices = Array.isArray(e.capabilities?.devices) ? e.capabilities.devices.filter((d): d is string => typeof d === 'string') : [];
    names.push({ name, type: typeof e.type === 'string' ? e.type : 'unknown', devices });
  }
  return names.sort((a, b) => a.name.localeCompare(b.name));
}
