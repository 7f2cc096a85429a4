import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'edit', description: 'Open config.toml in $VISUAL/$EDITOR, then validate it (an invalid edit is rolled back)' },
  args: { ...jsonArg },
  examples: ['hodu config edit', 'EDITOR=nano hodu config edit', 'hodu config edit --json'],
  async run({ args }) {
    const { existsSync, readFileSync, rmSync } = await import('node:fs');
    const { HoduError } = await import('../../../errors');
    const { configPath, loadConfig } = await import('../../../config/load');
    const { configTemplate } = await import('../../../config/template');
    const { writeFileAtomic } = await import('../../../util/atomic-write');
    const { err, outJson } = await import('../../ui/output');
    const path = configPath();
    const previous = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (previous === undefined) writeFileAtomic(path, configTemplate());
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    // Through sh so that EDITOR may carry arguments ("code --wait").
    const r = Bun.spawnSync(['sh', '-c', `${editor} "$1"`, 'sh', path], { stdio: ['inherit', 'inherit', 'inherit'] });
    const restore = () => (previous === undefined ? rmSync(path, { force: true }) : writeFileAtomic(path, previous));
    if (r.exitCode !== 0) {
      restore();
      throw new HoduError('E_EDITOR', `editor '${editor}' exited with ${r.exitCode ?? r.signalCode}; ${path} was left as it was`);
    }
    try {
      await loadConfig(path);
    } catch (e) {
      if (!(e instanceof HoduError) || e.code !== 'E_CONFIG') throw e;
      // Keep the rejected text so the edit is not lost, and put the working file back.
      writeFileAtomic(`${path}.rejected`, readFileSync(path, 'utf8'));
      restore();
      throw new HoduError('E_CONFIG', `${e.message}\n  ${path} was restored; your edit is saved in ${path}.rejected`, { hint: `run \`hodu config edit\` again and fix the line named above (your text is in ${path}.rejected)` });
    }
    if (args.json) return outJson({ path, valid: true });
    err(`${path} is valid`);
  },
});
