import { defineHoduCommand } from '../../command';
import { jsonArg } from '../../shared-args';

export default defineHoduCommand({
  meta: { name: 'status', description: 'Show where the compile cache is, its entries and size, and hits/misses since the last clean' },
  args: { ...jsonArg },
  examples: ['hodu cache status', 'hodu cache status --json', 'HODU_CACHE_DIR=/tmp/hc hodu cache status'],
  async run({ args }) {
    const { cacheSettings, cacheStatus } = await import('../../../cache');
    const { out, outJson, table } = await import('../../ui/output');
    const { formatByteSize: formatBytes } = await import('../../../util/bytes-size');
    const s = cacheStatus(cacheSettings());
    if (args.json) return outJson(s);
    const { colors } = await import('../../ui/colors');
    const c = await colors();
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    const kinds = [s.byKind.model.entries ? plural(s.byKind.model.entries, 'model') : '', s.byKind.library.entries ? plural(s.byKind.library.entries, 'kernel library', 'kernel libraries') : ''].filter(Boolean);
    const rows = [
      ['location', `${s.dir}${s.exists ? '' : c.dim(' (not created yet)')}`],
      ['enabled', s.enabled ? 'yes' : `no ${c.dim('(cache.enabled = false: every build compiles)')}`],
      ['entries', `${s.entries}${kinds.length ? ` (${kinds.join(', ')})` : ''}${s.truncated ? c.yellow(' (more not counted)') : ''}`],
      ['size', `${formatBytes(s.bytes)} of ${formatBytes(s.maxSize)} (cache.max_size)`],
      ['lookups', `${plural(s.hits, 'hit')}, ${plural(s.misses, 'miss', 'misses')} since the last clean`],
    ];
    if (s.corrupt || s.staleStaging) rows.push(['to clean', c.yellow(`${plural(s.corrupt, 'corrupt entry', 'corrupt entries')}, ${plural(s.staleStaging, 'interrupted build')}: \`hodu cache clean\``)]);
    out(table(rows.map(([k, v]) => [c.bold(k!), v!]), ''));
  },
});
