import { HoduError } from '../../../errors';
import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'new', description: 'Create a plugin package from a template that installs as is' },
  args: {
    name: { type: 'positional', description: 'Plugin (package) name: lowercase, digits, dashes; optionally @scope/name', required: true },
    type: { type: 'string', description: 'Plugin type: backend or format', required: true, valueHint: 'backend|format' },
    lang: { type: 'string', description: 'Language: c (native backend) or ts', default: 'ts', valueHint: 'c|ts' },
    dir: { type: 'string', description: 'Folder to create (default: ./NAME)', valueHint: 'dir' },
    ...jsonArg,
  },
  examples: ['hodu plugin new demo --type backend --lang c', 'hodu plugin new my-format --type format', 'hodu plugin new @acme/fast --type backend --dir ./fast'],
  async run({ args }) {
    if (args.type !== 'backend' && args.type !== 'format') {
      throw new HoduError('E_USAGE', `--type must be backend or format, got '${args.type}'`, { hint: 'e.g. hodu plugin new NAME --type backend --lang c' });
    }
    if (args.lang !== 'c' && args.lang !== 'ts') throw new HoduError('E_USAGE', `--lang must be c or ts, got '${args.lang}'`, { hint: 'c builds a native backend, ts a JavaScript plugin' });
    const { createPluginFromTemplate } = await import('../../../plugins/new-plugin');
    const { err, outJson } = await import('../../ui/output');
    const { relative } = await import('node:path');
    const r = await createPluginFromTemplate(args.name, { type: args.type, lang: args.lang, dir: args.dir });
    if (args.json) return outJson({ name: args.name, type: args.type, lang: args.lang, dir: r.dir, files: r.files });
    const shown = relative(process.cwd(), r.dir) || '.';
    err(`created ${args.type} plugin ${args.name} in ${shown}/ (${r.files.join(', ')})`);
    err(`next: hodu plugin install --path ${shown}`);
  },
});
