/**
 * The one error type of hodu. Library code throws it; only the CLI renders it.
 * `code` is a stable, greppable identifier (e.g. `E_ONNX_DECODE`), `hint` says what to do next.
 * The exit status and the default hint come from ERROR_CODES, so throw sites never pick an exit status.
 */
export class HoduError extends Error {
  readonly code: string;
  /** Always set: the throw site's hint, else the code's default hint from ERROR_CODES. */
  readonly hint: string;
  /** Exit status the CLI uses for this error (from ERROR_CODES: 1 failure, 2 usage). */
  readonly exitCode: number;
  /** The node the error is about, when a kernel, schema or pass raised it (see `nodeError` in src/ir). */
  readonly node?: ErrorNode;

  /**
   * `code` is one of ERROR_CODES (a typo does not compile). Codes a plugin or a child process sends are
   * accepted at run time through `fromCode` and exit 1 with a generic hint.
   */
  constructor(code: ErrorCode, message: string, opts: { hint?: string; cause?: unknown; node?: ErrorNode } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HoduError';
    this.code = code;
    const info = errorInfo(code);
    this.hint = opts.hint ?? info.hint;
    this.exitCode = info.exit;
    if (opts.node) this.node = opts.node;
  }

  /** An error whose code is not known at compile time (sent by a plugin or the isolated child). */
  static fromCode(code: string, message: string, opts: { hint?: string; cause?: unknown; node?: ErrorNode } = {}): HoduError {
    return new HoduError(code as ErrorCode, message, opts);
  }
}

/** Which node an error is about (name, op, domain; '' is the default domain). */
export interface ErrorNode {
  name: string;
  op: string;
  domain: string;
}

export function isHoduError(e: unknown): e is HoduError {
  return e instanceof HoduError;
}

interface ErrorCodeInfo {
  /** Exit status: 1 = the work failed, 2 = the command line asked for something wrong or absent. */
  exit: 1 | 2;
  /** Shown as `hint:` when the throw site gives none. */
  hint: string;
  /** One line for the README's exit-code table. */
  doc: string;
}

const VERBOSE = 'run again with --verbose for details';
const REPORT = 'this is a bug in hodu; please report it with the output of --verbose';
const MODEL = 'the model may be malformed; `hodu inspect MODEL` shows its ops and shapes';
const PLUGIN = 'run `hodu plugin test NAME` to check the plugin, or `hodu plugin rebuild NAME`';
const UPDATE = 'check the update URL and your network, then run `hodu self-update` again';

/**
 * Every error code: exit status, default hint, one line of doc. The README's exit-code table is generated
 * from it (`bun scripts/gen-error-table.ts`; a test fails while the README is stale).
 */
export const ERROR_CODES = {
  // Usage: the command line names something that is wrong or absent (exit 2).
  E_USAGE: { exit: 2, hint: 'run `hodu --help` or `hodu help COMMAND`', doc: 'unknown command or flag, missing argument, bad flag value' },
  E_NOT_FOUND: { exit: 2, hint: 'check the path', doc: 'a file or folder named on the command line does not exist' },
  E_NOT_A_FILE: { exit: 2, hint: 'hodu reads models and tensors from regular files only; save the data to a file first', doc: 'a path named on the command line is a FIFO, device, socket or link, not a regular file' },
  E_EXISTS: { exit: 2, hint: 'pick another path, or remove the existing one', doc: 'a path that must be new already exists' },
  E_NO_FORMAT: { exit: 2, hint: 'models are .onnx; tensors are .npy, .npz, .safetensors or .pb', doc: 'no format plugin reads or writes this file type' },
  E_NOT_A_MODEL: { exit: 2, hint: 'pass an .onnx model', doc: 'a tensor file was given where a model is expected' },
  E_NOT_TENSORS: { exit: 2, hint: 'tensors are .npy, .npz, .safetensors or .pb files', doc: 'a model file was given where tensors are expected' },
  E_CONVERT: { exit: 2, hint: 'convert models to .onnx and tensors to .npz, .safetensors or .npy', doc: 'the target format of `hodu convert` cannot hold what the input holds' },
  E_INPUT_NAME: { exit: 2, hint: '`hodu inspect MODEL` lists the input names', doc: '`--input`/`--shape` names an input the model does not have, or twice' },
  E_INPUT_MISSING: { exit: 2, hint: 'pass --input NAME=FILE, or --random-inputs', doc: 'a model input was not given and cannot be generated' },
  E_INPUT_SHAPE: { exit: 2, hint: '`hodu inspect MODEL` shows the expected shapes', doc: 'an input tensor has the wrong shape' },
  E_INPUT_DTYPE: { exit: 2, hint: '`hodu inspect MODEL` shows the expected dtypes', doc: 'an input tensor has the wrong dtype' },
  E_NODE_NAME: { exit: 2, hint: '`hodu inspect MODEL --graph` lists every node', doc: '`hodu inspect --node` names a node the model does not have' },
  E_INPUT_FILE: { exit: 2, hint: 'pass an .npz without a name: its keys are matched to input names', doc: 'an `--input NAME=FILE` file holds more than one tensor' },
  E_NO_BACKEND: { exit: 2, hint: '`hodu plugin list` shows the backends and their devices', doc: 'no backend with this name, or none for this device' },
  E_PLUGIN_NOT_FOUND: { exit: 2, hint: '`hodu plugin list` shows the installed plugins', doc: 'no installed plugin has this name' },
  E_PLUGIN_TYPE: { exit: 2, hint: '`hodu plugin list` shows each plugin\'s type', doc: 'the named plugin is of another type (backend vs format)' },
  E_PLUGIN_EXISTS: { exit: 2, hint: 'pass --force to replace it', doc: 'a plugin with this name is already installed' },
  E_PLUGIN_RESERVED: { exit: 2, hint: 'rename the plugin in its package.json', doc: 'the plugin takes the name of a plugin built into hodu' },
  E_CONFIG_VALUE: { exit: 2, hint: '`hodu config list` shows every key with its default', doc: '`hodu config set` was given a value the key does not accept' },

  // Files and environment (exit 1).
  E_IO: { exit: 1, hint: 'check that the path exists, is a folder where a folder is needed, and is writable', doc: 'a file could not be read or written (not a folder, no permission, disk full, …)' },
  E_CONFIG: { exit: 1, hint: 'fix the line named above, or run `hodu config edit`', doc: '$HODU_HOME/config.toml is malformed or holds a bad value' },
  E_ENV: { exit: 1, hint: 'fix or unset the environment variable named above', doc: 'an environment variable (HODU_*) holds a bad value' },
  E_EDITOR: { exit: 1, hint: 'set $VISUAL or $EDITOR to an editor that waits until you close the file', doc: 'the editor of `hodu config edit` failed' },
  E_LOCKED: { exit: 1, hint: 'wait for the other hodu process to finish', doc: 'another hodu process holds the lock on $HODU_HOME state' },
  E_MEMORY_LIMIT: { exit: 1, hint: 'raise --max-memory (or runtime.max_memory), or use smaller inputs', doc: 'the run would need more memory than max_memory allows' },
  E_DOCTOR: { exit: 1, hint: 'follow the fix printed under each ✘', doc: '`hodu doctor` found a failing check' },
  E_MISSING_TOOL: { exit: 1, hint: 'install the tool (e.g. a C compiler: cc, gcc or clang) and try again', doc: 'a required system tool is missing' },
  E_GRAPHVIZ: { exit: 1, hint: 'write the DOT text with --graph dot -o model.dot and run `dot -Tsvg` on it to see its messages', doc: 'Graphviz\'s dot failed or timed out drawing `hodu inspect --graph svg`' },

  // Model and tensor files (exit 1).
  E_ONNX_DECODE: { exit: 1, hint: 'the file may be truncated or not an ONNX model; re-export it', doc: 'an .onnx file cannot be decoded' },
  E_ONNX_ENCODE: { exit: 1, hint: REPORT, doc: 'a model cannot be encoded as ONNX' },
  E_ONNX_VERSION: { exit: 1, hint: 're-export the model with a supported ONNX IR version', doc: 'the ONNX IR version is outside what hodu reads' },
  E_CONVERT_OPSET: { exit: 1, hint: 'convert to an opset before the change, or re-export the model at the newer opset', doc: '`hodu convert --opset` met a change of an op that it cannot rewrite without changing its meaning' },
  E_ONNX_EXTERNAL_DATA: { exit: 1, hint: 'keep the external data files next to the model, at the paths it names', doc: 'external tensor data of an ONNX model is missing or out of bounds' },
  E_UNSUPPORTED: { exit: 1, hint: 'hodu does not support this part of the format yet; please report it', doc: 'a feature of the file format that hodu does not support' },
  E_UNSUPPORTED_DTYPE: { exit: 1, hint: 'cast the tensor to a supported dtype (see `hodu ops`)', doc: 'a tensor dtype hodu does not support' },
  E_NPY: { exit: 1, hint: 'the file may be truncated or not written by numpy', doc: 'a .npy file is malformed' },
  E_NPZ: { exit: 1, hint: 'the file may be truncated or not written by numpy', doc: 'an .npz file is malformed' },
  E_ZIP: { exit: 1, hint: 'the archive may be truncated or hostile', doc: 'a zip container (.npz) is malformed' },
  E_SAFETENSORS: { exit: 1, hint: 'the file may be truncated or not a .safetensors file', doc: 'a .safetensors file is malformed' },
  E_TENSOR_COUNT: { exit: 1, hint: 'write .npz or .safetensors to hold several tensors', doc: 'a single-tensor file holds another number of tensors' },
  E_TENSOR_SIZE: { exit: 1, hint: MODEL, doc: 'a tensor\'s data does not match its shape' },
  E_TOO_LARGE: { exit: 1, hint: 'use smaller shapes', doc: 'a tensor would be larger than hodu allows' },
  E_OUTPUT_NAME: { exit: 1, hint: 'use --output FILE.npz, which keeps exact names', doc: 'two outputs map to the same file in --output-dir' },
  E_OUTPUT: { exit: 1, hint: 'use `hodu run` for sequence outputs', doc: 'an output kind the onnxruntime API cannot return' },
  E_MISMATCH: { exit: 1, hint: 'the table above shows each output; loosen --rtol/--atol if the differences are rounding', doc: 'outputs differ from the reference (`run --expect`) or between backends (`run --compare-backends`)' },

  // The model itself (exit 1).
  E_GRAPH: { exit: 1, hint: MODEL, doc: 'the model graph is malformed (undefined or duplicate values, cycles, …)' },
  E_ATTR: { exit: 1, hint: MODEL, doc: 'a node attribute is missing or invalid' },
  E_UNSUPPORTED_ATTR: { exit: 1, hint: 'this attribute value is not supported yet; please report it', doc: 'a node attribute value hodu does not support' },
  E_SHAPE: { exit: 1, hint: MODEL, doc: 'shapes do not fit an op (inferred or at run time)' },
  E_DTYPE: { exit: 1, hint: MODEL, doc: 'dtypes do not fit an op' },
  E_INPUT: { exit: 1, hint: MODEL, doc: 'a value fed to a node is invalid at run time (index out of range, …)' },
  E_UNSUPPORTED_OP: { exit: 1, hint: '`hodu ops` lists the supported ops per backend', doc: 'an op (or op version) no available backend supports' },
  E_KERNEL: { exit: 1, hint: VERBOSE, doc: 'a kernel failed while running a node' },
  E_PLAN: { exit: 1, hint: 'use --backend interp for this model', doc: 'the model cannot be planned for a native backend (dynamic shapes, subgraphs)' },
  E_MANIFEST: { exit: 1, hint: 'the manifest was not written by a matching hodu; rebuild the plugin', doc: 'a dispatch manifest is malformed' },
  E_KERNEL_NAME: { exit: 1, hint: REPORT, doc: 'a kernel name cannot be formed for an op or dtype' },
  E_BACKEND: { exit: 1, hint: PLUGIN, doc: 'a backend misbehaved (missing outputs, …)' },

  // Plugins (exit 1).
  E_PLUGIN: { exit: 1, hint: PLUGIN, doc: 'a plugin failed' },
  E_PLUGIN_LOAD: { exit: 1, hint: PLUGIN, doc: 'a plugin could not be loaded' },
  E_PLUGIN_BROKEN: { exit: 1, hint: 'run `hodu plugin rebuild NAME`, or reinstall it', doc: 'an installed plugin\'s files are missing or changed' },
  E_PLUGIN_BUILD: { exit: 1, hint: 'rebuild with --debug and read the compiler output', doc: 'building a native plugin failed' },
  E_PLUGIN_MANIFEST: { exit: 1, hint: 'see docs/plugins.md for the "hodu" section of package.json', doc: 'a plugin\'s package.json is missing or invalid' },
  E_PLUGIN_PACKAGE: { exit: 1, hint: 'keep every file of the plugin inside its folder, as regular files', doc: 'a plugin package cannot be copied (links leaving it, special files, too many files)' },
  E_PLUGIN_MISMATCH: { exit: 1, hint: 'make the package name and the library\'s declared name agree', doc: 'a plugin package and its library disagree' },
  E_PLUGIN_ABI: { exit: 1, hint: 'rebuild the plugin against this hodu: `hodu plugin rebuild NAME`', doc: 'a native plugin was built for another plugin ABI' },
  E_PLUGIN_SDK: { exit: 1, hint: 'use a semver range such as "^0.1.0"', doc: 'a plugin declares an invalid SDK range' },
  E_SDK_INCOMPATIBLE: { exit: 1, hint: 'update the plugin, or hodu (`hodu self-update`)', doc: 'a plugin needs an SDK version this hodu does not provide' },
  E_PLUGIN_ARCH: { exit: 1, hint: 'rebuild the plugin on this machine: `hodu plugin rebuild NAME`', doc: 'a native plugin was built for another architecture' },
  E_PLUGIN_SYMBOL: { exit: 1, hint: 'export the plugin descriptor with HODU_EXPORT_BACKEND_PLUGIN', doc: 'a native plugin does not export the hodu entry point' },
  E_PLUGIN_DISABLED: { exit: 1, hint: 'enable it with `hodu plugin enable NAME`, or pick another backend', doc: 'the named plugin is disabled (`hodu plugin disable`)' },
  E_PLUGIN_CRASH: { exit: 1, hint: 'rebuild the plugin with --debug to investigate, or report it to its author', doc: 'a plugin crashed (hodu itself survives with --isolate)' },
  E_PLUGIN_TIMEOUT: { exit: 1, hint: 'the plugin may hang; report it to its author', doc: 'an isolated plugin did not finish in time' },
  E_PLUGIN_TEST: { exit: 1, hint: 'see the ✘ rows above', doc: '`hodu plugin test` found a failing check' },
  E_PLUGIN_REFUSED: { exit: 1, hint: 'run with --backend interp, or report the attribute or dtype to the plugin\'s author', doc: 'a backend plugin refused a dispatch manifest at create (an attribute or dtype its kernel does not do)' },
  E_UNSUPPORTED_KERNEL: { exit: 1, hint: 'run with --backend interp, or update the plugin', doc: 'a backend plugin lacks a kernel the plan needs' },
  E_BUILD_BACKEND: { exit: 1, hint: 'run the model with --backend interp to compare, or report the node to the backend\'s author', doc: 'a backend\'s builder refused a model at `hodu build` (a step it cannot bind, named by its node)' },
  E_REGISTRY_CORRUPT: { exit: 1, hint: 'reinstall the plugins, or restore $HODU_HOME/plugins/plugins.json', doc: 'plugins.json is corrupt' },
  E_COMPLETION_TREE: { exit: 1, hint: REPORT, doc: 'a command or flag name cannot be completed by a shell' },

  // Models built by `hodu build`, run or inspected by hodu (exit 1).
  E_ARTIFACT: { exit: 1, hint: 'rebuild it with `hodu build MODEL -o FILE.so`', doc: 'a file given as a built model (.so) is not one hodu can load (not a shared library, truncated, a plugin, no hodu model API)' },
  E_ARTIFACT_ARCH: { exit: 1, hint: 'build the model for this machine: `hodu build MODEL` without --target', doc: 'a built model was built for another CPU architecture' },
  E_ARTIFACT_RUN: { exit: 1, hint: 'compare with the source model: `hodu run MODEL.onnx --backend interp`', doc: 'a built model failed to create its handle or to run' },

  // `hodu build` (exit 1, but E_BUILD_TARGET and E_BUILD_SHAPE: the command line asks for what cannot be, exit 2).
  E_BUILD_TARGET: { exit: 2, hint: 'use one of the targets listed (docs/build.md, "Cross-compiling")', doc: '`hodu build --target` names a target hodu cannot build for' },
  E_BUILD_SHAPE: { exit: 2, hint: 'give every symbolic dim with --shape NAME=DIMS', doc: 'a model input has a symbolic dim and `hodu build` got no --shape for it' },
  E_BUILD_UNSUPPORTED: { exit: 1, hint: '`hodu run` still runs the model (the nodes the backend lacks on the interp)', doc: 'the build backend lacks kernels for some nodes of the model' },
  E_BUILD_COMPILE: { exit: 1, hint: 'read the compiler log named above', doc: 'the C compiler failed on a built model' },

  // Self-update (exit 1).
  E_UPDATE_NO_URL: { exit: 1, hint: 'set [update] url in config.toml or HODU_UPDATE_URL', doc: 'no release site is configured' },
  E_UPDATE_NO_KEY: { exit: 1, hint: 'install an official release build to update it', doc: 'this build cannot verify releases' },
  E_UPDATE_NETWORK: { exit: 1, hint: UPDATE, doc: 'the release site cannot be reached' },
  E_UPDATE_NOT_FOUND: { exit: 1, hint: 'check the version or channel name', doc: 'the release site has no such version or channel' },
  E_UPDATE_DOWNGRADE: { exit: 1, hint: 'to go back on purpose: `hodu self-update --version V`', doc: 'the offered release is older than the installed one (replayed or back-dated)' },
  E_UPDATE_MANIFEST: { exit: 1, hint: UPDATE, doc: 'the release manifest is malformed or inconsistent' },
  E_UPDATE_SIGNATURE: { exit: 1, hint: 'do not install it; report it to the publisher of the release site', doc: 'the release manifest signature does not verify' },
  E_UPDATE_CHECKSUM: { exit: 1, hint: UPDATE, doc: 'a downloaded binary does not match its signed checksum' },
  E_UPDATE_SIZE: { exit: 1, hint: UPDATE, doc: 'a download is larger than its signed size' },
  E_UPDATE_SMOKE: { exit: 1, hint: 'the release may be broken for this platform; nothing was changed', doc: 'the downloaded binary does not run here' },
  E_UPDATE_NO_PLATFORM: { exit: 1, hint: 'build hodu from source for this platform', doc: 'the release has no build for this platform' },
  E_UPDATE_NO_ROLLBACK: { exit: 1, hint: 'there is nothing to roll back to until an update replaces this binary', doc: 'no previous binary to roll back to' },
  E_UPDATE_READONLY: { exit: 1, hint: 'run with permission to write where hodu is installed', doc: 'the install folder is not writable' },
  E_UPDATE_MANAGED: { exit: 1, hint: 'update with the package manager that installed hodu', doc: 'a package manager owns this install' },
  E_UPDATE_SOURCE: { exit: 1, hint: 'update a source checkout with git', doc: 'self-update runs only on the compiled binary' },

  // Bugs (exit 1).
  E_INTERNAL: { exit: 1, hint: REPORT, doc: 'a bug in hodu' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes from plugins or older children that are not in the table fail with exit 1 and a generic hint. */
const UNKNOWN_CODE: ErrorCodeInfo = { exit: 1, hint: VERBOSE, doc: '' };

function errorInfo(code: string): ErrorCodeInfo {
  return Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code as ErrorCode] : UNKNOWN_CODE;
}
