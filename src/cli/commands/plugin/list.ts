import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'list', description: 'List embedded and installed plugins with their status' },
  args: { ...jsonArg },
  examples: ['hodu plugin list', 'hodu plugin list --json'],
  async run({ args }) {
    const { listAllPlugins, summarizeCapabilities } = await import('../../../plugins/list');
    const { out, outJson, table } = await import('../../ui/output');
    const { colors } = await import('../../ui/colors');
    const rows = await listAllPlugins();
    if (args.json) return outJson(rows.map(({ installed, ...r }) => ({ ...r, ...(installed ? { installed: { path: installed.path, installedAt: installed.installedAt, build: installed.build, sdk: installed.sdk, checksum: installed.checksum } } : {}) })));
    const c = await colors();
    out(
      table([
        ['NAME', 'TYPE', 'VERSION', 'SOURCE', 'STATUS', 'CAPABILITIES'].map((h) => c.bold(h)),
        ...rows.map((r) => [c.cyan(r.name), r.type, r.version, r.source, r.status === 'ok' ? c.green('ok') : c.red('broken'), summarizeCapabilities(r.type, r.capabilities)]),
      ], ''),
    );
    for (const r of rows.filter((x) => x.status === 'broken')) {
      out(`${c.red(r.name)}: ${r.problems.join('; ')} — try \`hodu plugin rebuild ${r.name}\``);
    }
  },
});
