import { defineHoduCommand } from '../command';
import { jsonArg } from '../shared-args';
import { out, outJson } from '../ui/output';

export default defineHoduCommand({
  meta: { name: 'self-update', description: 'Update hodu to the latest release (signed and checksummed), or roll back' },
  args: {
    check: { type: 'boolean', description: 'Only show the installed and the latest version (exit 0 whether or not an update is available, see "updateAvailable" with --json; 1 if the check fails)', default: false },
    version: { type: 'string', description: 'Install this version (also older ones) instead of the latest', valueHint: 'V' },
    channel: { type: 'string', description: 'Release channel (default: [update] channel in config.toml, else stable)', valueHint: 'name' },
    rollback: { type: 'boolean', description: 'Go back to the binary the last update replaced', default: false },
    force: { type: 'boolean', description: 'Reinstall the current version (never an older one: use --version for that)', default: false },
    quiet: { type: 'boolean', description: 'No progress output', default: false },
    ...jsonArg,
  },
  examples: ['hodu self-update', 'hodu self-update --check', 'hodu self-update --version 0.2.0', 'hodu self-update --channel beta', 'hodu self-update --rollback'],
  async run({ args }) {
    const { updateEnv } = await import('../../update/process-env');
    const lib = await import('../../update/self-update');
    if (args.rollback) {
      const r = await lib.rollback(await updateEnv(args.channel, { needsSource: false, replacing: true }));
      if (args.json) return outJson({ rolledBack: true, ...r });
      return out(`hodu rolled back ${r.from} → ${r.to} (${r.path}); run \`hodu self-update --rollback\` again to undo`);
    }
    const env = await updateEnv(args.channel, { needsSource: true, replacing: !args.check });
    if (args.check) {
      const r = await lib.checkForUpdate(env);
      if (args.json) return outJson(r);
      out(`installed  ${r.current}`);
      out(`latest     ${r.latest} (${r.channel})`);
      return out(r.updateAvailable ? 'an update is available: run `hodu self-update`' : 'hodu is up to date');
    }
    const { task } = await import('../ui/progress');
    const r = await task(
      'Updating hodu',
      async (t) => {
        const result = await lib.selfUpdate({ ...env, onStep: t.title, onBytes: t.bytes }, { version: args.version, force: args.force });
        t.done(result.updated ? `Updated hodu ${result.from} → ${result.to}` : `hodu ${result.current} is up to date (${result.channel}: ${result.latest})`);
        return result;
      },
      { quiet: args.quiet, json: args.json },
    );
    if (args.json) return outJson(r);
    if (r.updated) out(`hodu ${r.from} → ${r.to} at ${r.path}; \`hodu self-update --rollback\` goes back`);
    else out(`hodu ${r.current} is up to date (latest on ${r.channel}: ${r.latest})`);
  },
});
