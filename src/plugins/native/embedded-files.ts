/**
 * The C SDK headers and the backend-c template as text inside the binary, for `hodu plugin new` (writes
 * the template, `__NAME__` replaced) and for installing plugins (writes the headers to the SDK include dir).
 * Text imports are bundled by `bun build --compile`; a test checks this list against the folders.
 */
import ffiManifest from '../../../ffi/hodu_manifest.h' with { type: 'text' };
import ffiPlugin from '../../../ffi/hodu_plugin.h' with { type: 'text' };
import tplElementwise from '../../../templates/backend-c/src/elementwise.c' with { type: 'text' };
import tplKernels from '../../../templates/backend-c/src/kernels.h' with { type: 'text' };
import tplMatmul from '../../../templates/backend-c/src/matmul.c' with { type: 'text' };
import tplPlugin from '../../../templates/backend-c/src/plugin.c' with { type: 'text' };
import tplSoftmax from '../../../templates/backend-c/src/softmax.c' with { type: 'text' };
import tplPackage from '../../../templates/backend-c/package.json' with { type: 'text' };
import tplReadme from '../../../templates/backend-c/README.md' with { type: 'text' };

/** ffi/ headers by file name. */
export const ffiHeaders: Record<string, string> = {
  'hodu_plugin.h': ffiPlugin,
  'hodu_manifest.h': ffiManifest,
};

/** templates/backend-c/ by relative path; `__NAME__` marks where the plugin name goes. */
export const templateBackendC: Record<string, string> = {
  // a JSON file imported as text is a string at runtime; TypeScript types it as the parsed JSON
  'package.json': tplPackage as unknown as string,
  'README.md': tplReadme,
  'src/plugin.c': tplPlugin,
  'src/kernels.h': tplKernels,
  'src/elementwise.c': tplElementwise,
  'src/matmul.c': tplMatmul,
  'src/softmax.c': tplSoftmax,
};
