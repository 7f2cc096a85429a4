import { defineHoduCommand, exitWith } from '../command';
import { jsonArg } from '../shared-args';

const MARK = { ok: '✔', warn: '⚠', error: '✘' } as const;

export default defineHoduCommand({
  meta: { name: 'doctor', description: 'Check the installation, environment and configuration' },
  args: { ...jsonArg },
  examples: ['hodu doctor', 'hodu doctor --json'],
  async run({ args }) {
    const { runDoctor } = await import('../../doctor/index');
    const { HoduError } = await import('../../errors');
    const { out, outJson } = await import('../ui/output');
    const results = await runDoctor();
    const count = (s: string) => results.filter((r) => r.status === s).length;
    const summary = { ok: count('ok'), warn: count('warn'), error: count('error') };
    if (args.json) outJson({ ok: summary.error === 0, summary, checks: results });
    else {
      const { colors } = await import('../ui/colors');
      const c = await colors();
      const paint = { ok: c.green, warn: c.yellow, error: c.red };
      const width = Math.max(...results.map((r) => r.title.length));
      for (const r of results) {
        out(`${paint[r.status](MARK[r.status])} ${c.bold(r.title.padEnd(width))}  ${r.detail.replace(/\n/g, `\n${' '.repeat(width + 4)}`)}`);
        if (r.hint && r.status !== 'ok') out(`${' '.repeat(width + 4)}${c.dim(`fix: ${r.hint}`)}`);
      }
      out();
      out(`${summary.ok} ok, ${summary.warn} warning${summary.warn === 1 ? '' : 's'}, ${summary.error} error${summary.error === 1 ? '' : 's'}`);
    }
    if (summary.error > 0) {
      const failed = results.filter((r) => r.status === 'error').map((r) => r.title);
      const error = new HoduError('E_DOCTOR', `${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}`, { hint: 'follow the fix lines above, then run `hodu doctor` again' });
      if (!args.json) throw error;
      // --json: the report above is the one JSON object on stdout (it says ok: false); the error line goes
      // to stderr only, where a thrown error would also add an error object to stdout.
      const { renderError } = await import('../ui/render-error');
      return exitWith(await renderError(error, { verbose: false, json: false }));
    }
  },
});
