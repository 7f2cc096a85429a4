/** A small zip reader/writer (stored + deflated, zip64) used by the .npz format. Not a format plugin itself. */
export { crc32 } from './crc32';
export { checkEntryName } from './entry-name';
export { listZipEntries, readZip, readZipEntry, type ZipEntry } from './read-zip';
export { writeZip, type ZipWriteOptions } from './write-zip';
