import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'list', description: 'List every config key with its value, default and source' },
  args: { ...jsonArg },
  examples: ['hodu config list', 'hodu config list --json'],
  async run({ args }) {
    const { readConfigFile } = await import('../../../config/load');
    const { validateConfig } = await import('../../../config/schema');
    const { configProblemsError } = await import('../../../config/load');
    const { CONFIG_KEYS } = await import('../../../config/keys');
    const { keyValue } = await import('../../../config/key-value');
    const { showValue, sourceText } = await import('../../config/show-value');
    const { out, outJson, table } = await import('../../ui/output');
    const file = await readConfigFile();
    const check = validateConfig(file.data);
    if (!check.ok) throw configProblemsError(file.path, file.text, check.problems);
    const rows = CONFIG_KEYS.map((k) => ({ ...keyValue(k, file.data, process.env), notUsedYet: k.notUsedYet }));
    if (args.json) {
      outJson({ path: file.path, exists: file.exists, values: Object.fromEntries(rows.filter((r) => r.source === 'config' || r.configValue !== undefined).map((r) => [r.key, r.source === 'config' ? r.value : r.configValue])), keys: rows });
      return;
    }
    const { colors } = await import('../../ui/colors');
    const c = await colors();
    out(c.dim(`# ${file.path}${file.exists ? '' : ' (does not exist yet: every key has its default)'}`));
    // VALUE is what hodu uses (environment > config.toml > default); SOURCE says which of them it is.
    const notes = (r: (typeof rows)[number]) =>
      [r.configValue !== undefined ? c.yellow(`(config.toml has ${showValue(r.configValue)})`) : '', r.notUsedYet ? c.dim('(not used yet)') : ''].filter(Boolean).join(' ');
    out(
      table(
        [
          ['KEY', 'VALUE', 'SOURCE'].map((h) => c.bold(h)),
          ...rows.map((r) => [
            c.cyan(r.key),
            r.source === 'config' || r.source === 'env' ? showValue(r.value) : c.dim(r.source === 'unset' ? '(unset)' : showValue(r.value)),
            r.source === 'config' || r.source === 'env' ? sourceText(r) : c.dim(sourceText(r)),
            ...(notes(r) ? [notes(r)] : []),
          ]),
        ],
        '',
      ),
    );
  },
});
