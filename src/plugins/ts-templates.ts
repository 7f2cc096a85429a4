/*
 * The TypeScript plugin templates, embedded in the binary as text. Bun's `with { type: 'text' }` gives the
 * file contents; TypeScript does not know that import attribute, so each value is re-typed as string.
 */
// @ts-ignore -- a .ts path is fine for Bun's text import
import backendIndex from '../../templates/backend-ts/index.ts' with { type: 'text' };
import backendPackage from '../../templates/backend-ts/package.json' with { type: 'text' };
// @ts-ignore -- TypeScript has no module type for .md
import backendReadme from '../../templates/backend-ts/README.md' with { type: 'text' };
// @ts-ignore -- a .ts path is fine for Bun's text import
import formatIndex from '../../templates/format-ts/index.ts' with { type: 'text' };
import formatPackage from '../../templates/format-ts/package.json' with { type: 'text' };
// @ts-ignore -- TypeScript has no module type for .md
import formatReadme from '../../templates/format-ts/README.md' with { type: 'text' };

const text = (x: unknown) => x as string;

export const templateBackendTs: Record<string, string> = {
  'index.ts': text(backendIndex),
  'package.json': text(backendPackage),
  'README.md': text(backendReadme),
};

export const templateFormatTs: Record<string, string> = {
  'index.ts': text(formatIndex),
  'package.json': text(formatPackage),
  'README.md': text(formatReadme),
};
