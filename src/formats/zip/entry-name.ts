import { HoduError, type ErrorCode } from '../../errors';

const READ_HINT = 'the archive may be hostile or corrupt; entry names must be relative paths without ".."';

/**
 * Refuses entry names that could escape a directory or confuse a reader when the archive is extracted
 * (absolute paths, drive letters, `..` segments, NUL, empty). Both `/` and `\` count as separators
 * because Windows tools treat them alike.
 */
export function checkEntryName(name: string, where: string, code: ErrorCode = 'E_ZIP', hint = READ_HINT): void {
  const bad = (why: string): never => {
    throw new HoduError(code, `${where}: unsafe entry name ${JSON.stringify(name)} (${why})`, { hint });
  };
  if (name.length === 0) bad('empty');
  if (name.includes('\0')) bad('contains NUL');
  if (name.startsWith('/') || name.startsWith('\\')) bad('absolute path');
  // Only a drive with a root (`C:/`, `C:\\`) is refused: `y:0.npy` is an ordinary npz key for a
  // TensorFlow-style output name `y:0`, and hodu never extracts npz entries to disk.
  if (/^[A-Za-z]:[\\/]/.test(name)) bad('drive letter');
  if (name.split(/[\\/]/).some((s) => s === '..')) bad('".." segment');
}
