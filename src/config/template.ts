/** The text `hodu config edit` starts from when there is no config.toml yet: every key, commented out. */
import { CONFIG_KEYS, SECTIONS } from './keys';
import { tomlScalar } from './edit';

export function configTemplate(): string {
  const lines = ['# hodu configuration. Precedence: command-line flags > environment variables > this file > defaults.', '# Uncomment a line to change it; `hodu config list` shows every key with its value.', ''];
  for (const section of SECTIONS) {
    lines.push(`[${section}]`);
    for (const k of CONFIG_KEYS.filter((c) => c.key.startsWith(`${section}.`))) {
      const name = k.key.slice(section.length + 1);
      lines.push(`# ${k.description}${k.env ? ` (env: ${k.env})` : ''}${k.notUsedYet ? ` [not used yet: for ${k.notUsedYet}]` : ''}`);
      lines.push(`# ${name} = ${k.default !== undefined ? tomlScalar(k.default) : '""'}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
