import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'info', description: 'Show one plugin: source, install folder, build, checksum, capabilities, status' },
  args: {
    name: { type: 'positional', description: 'Plugin name (embedded or installed)', required: true },
    ...jsonArg,
  },
  examples: ['hodu plugin info demo', 'hodu plugin info onnx --json'],
  async run({ args }) {
    const { listAllPlugins, summarizeCapabilities } = await import('../../../plugins/list');
    const { HoduError } = await import('../../../errors');
    const { didYouMean } = await import('../../../util/did-you-mean');
    const { out, outJson, table } = await import('../../ui/output');
    const rows = await listAllPlugins();
    const r = rows.find((x) => x.name === args.name);
    if (!r) {
      const guess = didYouMean(args.name, rows.map((x) => x.name));
      throw new HoduError('E_PLUGIN_NOT_FOUND', `no plugin named '${args.name}'`, {
        hint: guess ? `did you mean '${guess}'?` : 'run `hodu plugin list` to see every plugin',
      });
    }
    const { installed, ...rest } = r;
    if (args.json) return outJson({ ...rest, ...(installed ? { installed } : {}) });
    const lines: string[][] = [
      ['type', r.type],
      ['version', r.version],
      ['source', r.source],
      ['status', r.status + (r.problems.length ? ` (${r.problems.join('; ')})` : '')],
      ...(r.fix ? [['fix', r.fix]] : []),
      ...r.notes.map((n) => ['note', n]),
      ['capabilities', summarizeCapabilities(r.type, r.capabilities)],
    ];
    if (installed) {
      lines.push(['installed in', installed.path], ['installed at', installed.installedAt], ['build', installed.build], ['sdk range', installed.sdk], ['checksum', installed.checksum]);
      if (installed.library) lines.push(['library', installed.library]);
      if (installed.entry) lines.push(['entry', installed.entry]);
      if (installed.test) lines.push(['plugin test', `${installed.test.passed ? 'passed' : 'failed'} ${installed.test.at.slice(0, 10)}: ${installed.test.summary}`]);
      if (installed.crash) lines.push(['last crash', `${installed.crash.signal} ${installed.crash.where} (${installed.crash.at.slice(0, 10)})`]);
    }
    const caps = r.capabilities as { ops?: string[]; dtypes?: string[] };
    if (caps.ops) lines.push(['ops', caps.ops.join(', ')]);
    if (caps.dtypes) lines.push(['dtypes', caps.dtypes.join(', ')]);
    out(r.name);
    out(table(lines));
  },
});
