import { defineHoduCommand } from '../command';
import { jsonArg } from '../shared-args';
import { out, outJson, table } from '../ui/output';
import { versionInfo } from '../../version';

export default defineHoduCommand({
  meta: { name: 'version', description: 'Show version, commit, Bun, platform and SDK/ABI versions' },
  args: { ...jsonArg },
  examples: ['hodu version', 'hodu version --json'],
  run({ args }) {
    const v = versionInfo();
    if (args.json) return outJson(v);
    out(`hodu ${v.version}`);
    out(
      table([
        ['commit', v.commit + (v.buildDate ? ` (${v.buildDate})` : '')],
        ['bun', v.bun],
        ['platform', `${v.platform}-${v.arch}`],
        ['plugin sdk', v.sdk],
        ['plugin abi', String(v.abi)],
        ['manifest', String(v.manifest)],
        ['backends', v.backends.map((b) => (b.name === 'interp' ? b.name : `${b.name} ${b.version} (${b.arch})`)).join(', ')],
      ]),
    );
  },
});
