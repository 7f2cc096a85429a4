/**
 * `hodu config set runtime.backend NAME` checks NAME against the backends this install has (embedded, and
 * backend plugins in plugins.json): a name nothing provides would make every later run fail.
 */
import { HoduError } from '../errors';
import { didYouMean } from '../util/did-you-mean';

export async function checkBackendName(name: string): Promise<void> {
  const { embeddedBackendNames } = await import('../backends/registry');
  const { readRegistry } = await import('../plugins/registry-file');
  const known = [...embeddedBackendNames(), ...Object.values(readRegistry().plugins).filter((p) => p.type === 'backend').map((p) => p.name)];
  if (known.includes(name)) return;
  const guess = didYouMean(name, known);
  throw new HoduError('E_CONFIG', `'runtime.backend' must be a backend this install has (${known.join(', ')}), got "${name}"`, {
    hint: `${guess ? `did you mean '${guess}'? ` : ''}install a backend plugin first (\`hodu plugin install --path DIR\`); \`hodu plugin list\` shows them`,
    exitCode: 2,
  });
}
