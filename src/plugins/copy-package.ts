/**
 * Copies a plugin package into hodu's staging folder. The installed copy must stand on its own (no link
 * back into the source folder, which may move or vanish) and must not reach outside the package: so a
 * symbolic link is replaced by the real contents of what it points to, and only when that (after every
 * link is followed) is inside the package; links that leave it, sockets, FIFOs and devices are refused.
 * The count and total size of files are bounded so a stray link to a big tree cannot fill the disk.
 */
import { copyFileSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HoduError } from '../errors';

const MAX_PACKAGE_FILES = 10_000;
const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;
/** Never copied: version control and dependency folders (plugins must be self-contained). */
const SKIPPED = new Set(['.git', 'node_modules']);

/** Whether `path` is `root` or below it (both real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

function kindOf(st: Stats): string {
  if (st.isSocket()) return 'socket';
  if (st.isFIFO()) return 'FIFO';
  if (st.isBlockDevice() || st.isCharacterDevice()) return 'device';
  return 'special file';
}

/** Copies `srcDir` into `dest` (created), following links that stay inside the package. Throws E_PLUGIN_PACKAGE. */
export function copyPackage(srcDir: string, dest: string, limits = { files: MAX_PACKAGE_FILES, bytes: MAX_PACKAGE_BYTES }): { files: number; bytes: number } {
  const root = realpathSync(srcDir);
  const refuse = (rel: string, problem: string, hint: string) =>
    new HoduError('E_PLUGIN_PACKAGE', `${join(srcDir, rel)}: ${problem}; nothing was installed`, { hint });
  let files = 0;
  let bytes = 0;
  const walk = (from: string, to: string, relDir: string, ancestors: ReadonlySet<string>) => {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).sort()) {
      if (SKIPPED.has(name)) continue;
      const path = join(from, name);
      const rel = relDir ? join(relDir, name) : name;
      let st = lstatSync(path);
      if (st.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(path);
        } catch {
          throw refuse(rel, 'a symbolic link to something that does not exist', 'remove the link or make it point at a file inside the package');
        }
        if (!isInside(root, real)) {
          throw refuse(rel, `a symbolic link to ${real}, which is outside the package`, 'copy what it points to into the package (an installed plugin may only use its own files)');
        }
        st = statSync(path);
      }
      if (st.isDirectory()) {
        const real = realpathSync(path);
        if (ancestors.has(real)) throw refuse(rel, 'a symbolic link to a folder that contains it (a loop)', 'remove the link');
        walk(path, join(to, name), rel, new Set([...ancestors, real]));
      } else if (st.isFile()) {
        files++;
        bytes += st.size;
        if (files > limits.files) throw refuse(rel, `the package has more than ${limits.files} files`, 'remove build outputs and data from the plugin folder (or ship them elsewhere)');
        if (bytes > limits.bytes) throw refuse(rel, `the package is larger than ${limits.bytes % 1048576 === 0 ? `${limits.bytes / 1048576} MiB` : `${limits.bytes} bytes`}`, 'remove build outputs and data from the plugin folder (or ship them elsewhere)');
        copyFileSync(path, join(to, name));
      } else {
        throw refuse(rel, `a ${kindOf(st)}, not a regular file or folder`, 'remove it from the plugin folder');
      }
    }
  };
  walk(srcDir, dest, '', new Set([root]));
  return { files, bytes };
}
