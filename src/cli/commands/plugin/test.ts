import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'test', description: 'Check a plugin: ABI, SDK, capabilities; a backend op by op against interp, a format by round trips' },
  args: {
    target: { type: 'positional', description: 'Installed plugin name, plugin folder, or built library (.so)', required: true },
    debug: { type: 'boolean', description: 'Build a plugin folder with -O0 -g', default: false },
    ...jsonArg,
  },
  examples: ['hodu plugin test demo', 'hodu plugin test ./my-plugin', 'hodu plugin test demo --json'],
  async run({ args }) {
    const { summarizeCases, testPlugin } = await import('../../../plugins/plugin-test');
    const { colors } = await import('../../ui/colors');
    const { err, out, outJson, table } = await import('../../ui/output');
    const { HoduError } = await import('../../../errors');
    const c = await colors();
    const report = await testPlugin(args.target, { debug: Boolean(args.debug) });
    if (args.json) outJson(report);
    else {
      out(`${c.bold(report.name)}  ${report.library}`);
      out(table(report.checks.map((k) => [k.ok ? c.green('✔') : c.red('✘'), k.check, k.detail])));
      if (report.cases.length) out();
      out(table(report.cases.map((o) => [
        o.status === 'passed' ? c.green('✔') : o.status === 'skipped' ? c.yellow('-') : c.red('✘'),
        o.op, o.dtype, o.probe,
        o.maxAbsError !== undefined ? `max |err| ${o.maxAbsError.toExponential(1)}` : '',
        o.detail ?? '',
      ])));
      if (report.cases.length) {
        out();
        out(`${summarizeCases(report)} (tolerance rtol ${report.tolerance.rtol}, atol ${report.tolerance.atol})`);
      }
    }
    if (!report.passed) {
      err();
      throw new HoduError('E_PLUGIN_TEST', `plugin '${report.name}' failed its checks`, { hint: 'see the ✘ rows above; fix the kernels, then `hodu plugin rebuild` and test again' });
    }
  },
});
