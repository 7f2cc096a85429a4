/**
 * The C sources of the standalone executable's main (src/build/c/standalone/), as text inside the binary, so
 * that `hodu build --standalone` can write them into its build folder and compile them with the model.
 * Text imports are bundled by `bun build --compile`; test/build/standalone-sources.test.ts checks this list
 * against the folder.
 */
import crc32 from './c/standalone/crc32.c' with { type: 'text' };
import inflate from './c/standalone/inflate.c' with { type: 'text' };
import inputs from './c/standalone/inputs.c' with { type: 'text' };
import main from './c/standalone/main.c' with { type: 'text' };
import npyRead from './c/standalone/npy-read.c' with { type: 'text' };
import npzWrite from './c/standalone/npz-write.c' with { type: 'text' };
import header from './c/standalone/standalone.h' with { type: 'text' };
import summary from './c/standalone/summary.c' with { type: 'text' };
import util from './c/standalone/util.c' with { type: 'text' };
import zipRead from './c/standalone/zip-read.c' with { type: 'text' };

/**
 * File name → text. Compile every `.c` here together with the model's objects, with the folder holding
 * hodu_model.h (the generated one) and standalone.h on the include path, and link with `-lm`. They are C11
 * and need only libc and libm.
 */
export const standaloneSources: Readonly<Record<string, string>> = {
  'standalone.h': header,
  'main.c': main,
  'inputs.c': inputs,
  'npy-read.c': npyRead,
  'npz-write.c': npzWrite,
  'zip-read.c': zipRead,
  'inflate.c': inflate,
  'crc32.c': crc32,
  'summary.c': summary,
  'util.c': util,
};

/** The `.c` files of standaloneSources, in a stable order. */
export const standaloneCFiles: readonly string[] = Object.keys(standaloneSources).filter((f) => f.endsWith('.c'));
