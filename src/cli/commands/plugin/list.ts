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
    if (args.json) {
      return outJson(rows.map(({ installed, ...r }) => ({
        ...r,
        ...(installed ? { installed: { path: installed.path, installedAt: installed.installedAt, build: installed.build, sdk: installed.sdk, checksum: installed.checksum, test: installed.test, crash: installed.crash, disabled: installed.disabled ?? false } } : {}),
      })));
    }
    const c = await colors();
    // Red: cannot be used or crashed; yellow: usable with --backend but not chosen automatically.
    const paint = (status: string, text = status) => (status === 'ok' ? c.green(text) : status === 'broken' || status === 'crashed' ? c.red(text) : c.yellow(text));
    out(
      table([
        ['NAME', 'TYPE', 'VERSION', 'SOURCE', 'STATUS', 'CAPABILITIES'].map((h) => c.bold(h)),
        ...rows.map((r) => [c.cyan(r.name), r.type, r.version, r.source, paint(r.status), summarizeCapabilities(r.type, r.capabilities)]),
      ], ''),
    );
    for (const r of rows.filter((x) => x.status !== 'ok')) {
      out(`${paint(r.status, r.name)}: ${r.problems.join('; ')}${r.fix ? ` — try \`${r.fix}\`` : ''}`);
    }
    for (const r of rows) for (const note of r.notes) out(`${c.cyan(r.name)}: ${note}`);
  },
});
