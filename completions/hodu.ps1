# powershell completion for hodu — generated from the command tree by `hodu completions SHELL` (scripts/gen-completions.ts); do not edit
# Install: add this line to $PROFILE:  hodu completions powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName @('hodu', 'hodu.exe') -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $spec = @{
        '' = @{
            Subs = @(,@('run', 'Run a model on inputs and print or save its outputs'); ,@('inspect', 'Show a model (inputs, outputs, ops, parameters) or a tensor file'); ,@('build', 'Compile a model ahead of time into a .so, a .a or a standalone executable (no hodu needed to run it)'); ,@('convert', 'Convert a model or tensor file to another format (by extension); extract weights, upgrade the opset'); ,@('plugin', 'Create, install, list and remove plugins (formats and backends)'); ,@('cache', 'Show and clean the compile cache of built models and kernel libraries'); ,@('config', 'Show and change settings in $HODU_HOME/config.toml'); ,@('doctor', 'Check the installation, environment and configuration'); ,@('self-update', 'Update hodu to the latest release (signed and checksummed), or roll back'); ,@('ops', 'List the supported ops per backend, with opset range and dtypes'); ,@('version', 'Show version, commit, Bun, platform and SDK/ABI versions'); ,@('completions', 'Print the shell completion script for bash, zsh, fish or powershell'))
            Flags = @(,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'); ,@('--version', 'Print the version'); ,@('-V', 'Print the version'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'run' = @{
            Subs = @()
            Flags = @(,@('--input', 'Input: NAME=FILE.npy, FILE.npz (keys = input names) or one unnamed FILE.npy; NAME=VALUE for a scalar (sr=16000, temp=0.7, flag=true; an existing file of that name wins) or NAME=1,2,3 for a 1-D input, in the input''s dtype; repeatable'); ,@('--output', 'Write every output to FILE (.npz, .safetensors), keyed by its ONNX name'); ,@('--output-dir', 'Write one .npy per output into DIR'); ,@('--shape', 'Set a dynamic input shape for generated inputs: NAME=1x3x640x640; repeatable'); ,@('--dim', 'Set a symbolic input dim by name for every input that uses it: batch=1; repeatable (a --shape for an input wins over --dim for that input)'); ,@('--fill', 'Generate inputs filled with NAME=uniform:LO:HI, normal:MEAN:STD, int:LO:HI (inclusive; integer and bool inputs), zeros or ones; a bare SPEC (or *=SPEC) fills every generated input it fits; implies --random-inputs for the inputs it covers; repeatable'); ,@('--random-inputs', 'Generate inputs that were not given (uniform [0,1) floats, integers 0 to 9, seeded; --fill chooses)'); ,@('--seed', 'Seed for generated inputs (--random-inputs, --fill), 0 to 2^32-1: the same seed gives the same bytes; --verbose prints each generated input'); ,@('--profile', 'Time every node: per-op and per-node tables with time, share, calls and GFLOP/s (on stderr, or "profile" in --json)'); ,@('--profile-out', 'Write the node timings as a Chrome trace (JSON; opens in Perfetto or chrome://tracing); times nodes even without --profile (with --json, "profile" is in the JSON too)'); ,@('--explain', 'Say which backend runs the model and why; for a native backend, its partitions and why each node it lacks fell back to the interp (on stderr, or "explain" in --json)'); ,@('--max-memory', 'Cap on hodu''s resident memory (RSS), e.g. 2GiB: refused before the run when the estimate (hodu itself, weights, inputs, peak intermediates, kernel scratch, outputs) is over, stopped while running when the RSS goes over (default: $HODU_MAX_MEMORY, runtime.max_memory, else no limit)'); ,@('--dry-run', 'Compute nothing: print the format plugin, backend, device, threads, the partition (bodies too), the passes that would change the graph, the planned memory, the cache state and why each other backend was passed over; exit 1 with the missing ops when no backend can run the model (--expect, --compare-backends, --dump, --profile-out and --benchmark need a run and are refused)'); ,@('--benchmark', 'Time the model instead of printing outputs: one session, warm-up runs, then measured runs; reports load, compile (planning) and run latency statistics (outputs are not printed; --output/--output-dir are refused)'); ,@('--warmup', 'With --benchmark: unmeasured runs first (default 2)'); ,@('--runs', 'With --benchmark: measured runs (default 10)'); ,@('--duration', 'With --benchmark: measure for this long instead of --runs, e.g. 10s, 500ms'); ,@('--expect', 'Compare every output with the same-named tensor of FILE (.npz, .safetensors; one .npy for a one-output model): dtype, shape and values (NaN equals NaN); prints a table and exits 1 on any mismatch ("expect" in --json)'); ,@('--rtol', 'With --expect/--compare-backends: relative tolerance, |got - expected| <= atol + rtol*|expected| (default 1e-3; integer and bool outputs compare exactly)'); ,@('--atol', 'With --expect/--compare-backends: absolute tolerance (default 1e-4)'); ,@('--compare-backends', 'Run on each of these backends (2 or more, comma-separated; the first is the reference) and compare their outputs; exits 1 on any mismatch (not with --backend, --profile, --profile-out, --explain)'); ,@('--dump', 'Write every intermediate value (top-level node outputs) as .npy into DIR, with index.json (value -> file, dtype, shape, node, op); works with --backend cpu'); ,@('--dump-nodes', 'With --dump: only values whose name, node name or op (Conv, Relu) matches this regular expression; matching nothing is an error'); ,@('--backend', 'Backend to run on (default: $HODU_BACKEND, runtime.backend, else best available for the device)'); ,@('--device', 'Device to run on (default: $HODU_DEVICE, runtime.device, else cpu)'); ,@('--threads', 'Worker threads for the backend, 1 to max(64, 4 × cores) (default: $HODU_THREADS, runtime.threads, else the backend default)'); ,@('--isolate', 'Run a native backend plugin in a child process, so a crash is reported and recorded (default: on; --no-isolate: in-process, unprotected)'); ,@('--opt-level', 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'); ,@('-O', 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--input', '--output', '--output-dir', '--shape', '--dim', '--fill', '--seed', '--profile-out', '--max-memory', '--warmup', '--runs', '--duration', '--expect', '--rtol', '--atol', '--compare-backends', '--dump', '--dump-nodes', '--backend', '--device', '--threads', '--opt-level', '-O')
            Values = @{ '--input' = 'files'; '--output' = 'files'; '--output-dir' = 'dirs'; '--shape' = 'files'; '--dim' = 'files'; '--fill' = 'files'; '--profile-out' = 'files'; '--expect' = 'files'; '--dump' = 'dirs'; '--backend' = 'dynamic'; '--device' = 'dynamic'; '--opt-level' = 'choices 0 1 2 3'; '-O' = 'choices 0 1 2 3' }
            Positionals = @('files')
        }
        'inspect' = @{
            Subs = @()
            Flags = @(,@('--initializers', 'List every weight (initializers and Constant node tensors) with its size'); ,@('--graph', 'Print the whole graph: text (hodu''s IR text form; also a bare --graph), dot (Graphviz digraph with inferred shapes on the edges) or svg (drawn by Graphviz''s dot, which must be installed)'); ,@('--output', 'With --graph: write it to FILE (atomically) instead of stdout'); ,@('-o', 'With --graph: write it to FILE (atomically) instead of stdout'); ,@('--node', 'Show one node (by name, or by the name of a value it makes): attributes, inputs and outputs with inferred dtypes and shapes, producers and consumers'); ,@('--shapes', 'List every value''s inferred dtype and shape (after shape inference; with --dim and --shape)'); ,@('--dim', 'With --shapes, --node or --graph: set a symbolic input dim by name: batch=1; repeatable'); ,@('--shape', 'With --shapes, --node or --graph: set an input shape: NAME=1x3x224x224; repeatable (wins over --dim for that input)'); ,@('--stats', 'For a tensor file: min, max, mean, std (over finite elements), NaN and Inf counts of each tensor'); ,@('--values', 'For a tensor file: a preview of each tensor''s values (numpy style)'); ,@('--opt-level', 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'); ,@('-O', 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--graph', '--output', '-o', '--node', '--dim', '--shape', '--opt-level', '-O')
            Values = @{ '--graph' = 'choices text dot svg'; '--output' = 'files'; '-o' = 'files'; '--dim' = 'files'; '--shape' = 'files'; '--opt-level' = 'choices 0 1 2 3'; '-O' = 'choices 0 1 2 3' }
            Positionals = @('files')
        }
        'build' = @{
            Subs = @()
            Flags = @(,@('--output', 'The artifact to write; its extension picks the format unless --format or --standalone says: .so/.dylib shared library, .a static archive, anything else needs --standalone (an executable)'); ,@('-o', 'The artifact to write; its extension picks the format unless --format or --standalone says: .so/.dylib shared library, .a static archive, anything else needs --standalone (an executable)'); ,@('--backend', 'Backend whose kernels the artifact is built from (a builder: cpu, or an installed native plugin with ABI 3)'); ,@('--shape', 'Fix a symbolic input dim: NAME=1x3x640x640 (a built model has static shapes); repeatable'); ,@('--target', 'Machine to build for: native (default), x86_64-linux-gnu (linux-x64), aarch64-linux-gnu (linux-arm64); another architecture needs its cross compiler'); ,@('--format', 'so (shared library), a (static archive) or exe (standalone executable); default: from the output extension'); ,@('--standalone', 'Build an executable that reads .npy/.npz inputs and writes .npz outputs (= --format exe)'); ,@('--threads', 'The artifact''s default thread count (hodu_model_create(0)); 0: the machine''s cores'); ,@('--cache', 'Reuse and fill the compile cache ($HODU_HOME/cache); --no-cache builds from scratch and stores nothing'); ,@('--dry-run', 'Compile and write nothing: print the plan (passes, kernel coverage, arena), whether the compile cache has this build (hit/miss, the same key), and exit 1 with the ops the backend lacks'); ,@('--opt-level', 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'); ,@('-O', 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--output', '-o', '--backend', '--shape', '--target', '--format', '--threads', '--opt-level', '-O')
            Values = @{ '--output' = 'files'; '-o' = 'files'; '--backend' = 'dynamic'; '--shape' = 'files'; '--opt-level' = 'choices 0 1 2 3'; '-O' = 'choices 0 1 2 3' }
            Positionals = @('files')
        }
        'convert' = @{
            Subs = @()
            Flags = @(,@('--opset', 'Upgrade the model to this ai.onnx opset (mechanical rewrites only; see docs/convert.md)'); ,@('--opt-level', 'Apply hodu''s graph optimizations of this level (as `hodu run -O N`) before saving'); ,@('-O', 'Apply hodu''s graph optimizations of this level (as `hodu run -O N`) before saving'); ,@('--external-data', 'Write initializers and Constant tensors of 1 KiB or more to OUTPUT.data (ONNX external data)'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--opset', '--opt-level', '-O')
            Values = @{ '--opt-level' = 'choices 0 1 2 3'; '-O' = 'choices 0 1 2 3' }
            Positionals = @('files', 'files')
        }
        'plugin' = @{
            Subs = @(,@('list', 'List embedded and installed plugins with their status'); ,@('info', 'Show one plugin: source, install folder, build, checksum, capabilities, status'); ,@('install', 'Install a plugin package from a folder (builds native sources with the system C compiler)'); ,@('rebuild', 'Rebuild an installed plugin against this hodu (e.g. after an upgrade)'); ,@('remove', 'Uninstall a plugin (its folder and its plugins.json entry)'); ,@('disable', 'Stop using an installed plugin: never chosen automatically, refused by --backend until enabled'); ,@('enable', 'Use a disabled plugin again'); ,@('new', 'Create a plugin package from a template that installs as is'); ,@('test', 'Check a plugin: ABI, SDK, capabilities; a backend op by op against interp, a format by round trips'))
            Flags = @(,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'plugin list' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'plugin info' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('dynamic')
        }
        'plugin install' = @{
            Subs = @()
            Flags = @(,@('--path', 'Folder holding the plugin package.json'); ,@('--debug', 'Build native sources with -O0 -g instead of -O2'); ,@('--force', 'Replace an installed plugin of the same name'); ,@('--quiet', 'No progress output'); ,@('--json', 'Print the installed plugin as JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--path')
            Values = @{ '--path' = 'dirs' }
            Positionals = @()
        }
        'plugin rebuild' = @{
            Subs = @()
            Flags = @(,@('--debug', 'Build native sources with -O0 -g instead of -O2'); ,@('--quiet', 'No progress output'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('dynamic')
        }
        'plugin remove' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('dynamic')
        }
        'plugin disable' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('dynamic')
        }
        'plugin enable' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('dynamic')
        }
        'plugin new' = @{
            Subs = @()
            Flags = @(,@('--type', 'Plugin type: backend or format'); ,@('--lang', 'Language: c (native backend) or ts'); ,@('--dir', 'Folder to create (default: ./NAME)'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--type', '--lang', '--dir')
            Values = @{ '--type' = 'choices backend format'; '--lang' = 'choices c ts'; '--dir' = 'dirs' }
            Positionals = @('')
        }
        'plugin test' = @{
            Subs = @()
            Flags = @(,@('--debug', 'Build a plugin folder with -O0 -g'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('dynamic')
        }
        'cache' = @{
            Subs = @(,@('status', 'Show where the compile cache is, its entries and size, and hits/misses since the last clean'); ,@('clean', 'Remove compile cache entries: without flags, corrupt ones, interrupted builds and the least recently used over max_size'))
            Flags = @(,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'cache status' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'cache clean' = @{
            Subs = @()
            Flags = @(,@('--all', 'Remove every entry'); ,@('--older-than', 'Remove entries not used for this long, e.g. 7d, 12h, 30m'); ,@('--model', 'Remove entries built from this model file (matched by its sha256)'); ,@('--dry-run', 'List what would be removed; remove nothing'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--older-than', '--model')
            Values = @{ '--model' = 'files' }
            Positionals = @()
        }
        'config' = @{
            Subs = @(,@('list', 'List every config key with its value, default and source'); ,@('get', 'Print the value of one config key as hodu uses it (its environment variable, else config.toml); an unset key prints nothing and exits 1'); ,@('set', 'Set one config key (validated; comments in the file are kept)'); ,@('unset', 'Remove one key from config.toml (it falls back to its default)'); ,@('path', 'Print the path of config.toml ($HODU_HOME/config.toml)'); ,@('edit', 'Open config.toml in $VISUAL/$EDITOR, then validate it (an invalid edit is rolled back)'))
            Flags = @(,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'config list' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'config get' = @{
            Subs = @()
            Flags = @(,@('--default', 'Print the default when the key is not set (exit 1 only if it has none)'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('choices log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check')
        }
        'config set' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('choices log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check', '')
        }
        'config unset' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('choices log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check')
        }
        'config path' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'config edit' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'doctor' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'self-update' = @{
            Subs = @()
            Flags = @(,@('--check', 'Only show the installed and the latest version (exit 0 whether or not an update is available, see "updateAvailable" with --json; 1 if the check fails)'); ,@('--version', 'Install this version (also older ones) instead of the latest'); ,@('--channel', 'Release channel (default: [update] channel in config.toml, else stable)'); ,@('--rollback', 'Go back to the binary the last update replaced'); ,@('--force', 'Reinstall the current version (never an older one: use --version for that)'); ,@('--quiet', 'No progress output'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--version', '--channel')
            Values = @{  }
            Positionals = @()
        }
        'ops' = @{
            Subs = @()
            Flags = @(,@('--backend', 'Only this backend (default: interp and every installed backend plugin)'); ,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @('--backend')
            Values = @{ '--backend' = 'dynamic' }
            Positionals = @()
        }
        'version' = @{
            Subs = @()
            Flags = @(,@('--json', 'Print machine-readable JSON on stdout'); ,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @()
        }
        'completions' = @{
            Subs = @()
            Flags = @(,@('--help', 'Show help'); ,@('-h', 'Show help'); ,@('--verbose', 'Show stack traces and details on errors'); ,@('--no-color', 'Disable colour (also NO_COLOR=1)'))
            ValueFlags = @()
            Values = @{  }
            Positionals = @('choices bash zsh fish powershell')
        }
    }
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -eq '') { $words += '' }
    $rest = @($words | Select-Object -Skip 1)
    if ($rest.Count -eq 0) { return }
    $path = ''; $node = $spec['']; $expect = $null; $ended = $false; $npos = 0
    for ($i = 0; $i -lt $rest.Count - 1; $i++) {
        $w = $rest[$i]
        if ($null -ne $expect) { $expect = $null; continue }
        if (-not $ended -and $w -eq '--') { $ended = $true; continue }
        if (-not $ended -and $w -like '-?*') {
            if ($w -notlike '*=*' -and $node.ValueFlags -contains $w) { $expect = $w }
            continue
        }
        $subNames = @($node.Subs | ForEach-Object { $_[0] })
        if ($npos -eq 0 -and $subNames -contains $w) {
            $path = "$path $w".Trim()
            $node = $spec[$path]
        } else { $npos++ }
    }
    $cur = $rest[$rest.Count - 1]
    $prefix = $cur; $lead = ''; $directive = ''
    if ($null -ne $expect) { $directive = $node.Values[$expect] }
    elseif (-not $ended -and $cur -like '--*=*') {
        $eq = $cur.IndexOf('=')
        $directive = $node.Values[$cur.Substring(0, $eq)]
        $lead = $cur.Substring(0, $eq + 1); $prefix = $cur.Substring($eq + 1)
    }
    elseif (-not $ended -and $cur -like '-*') {
        return $node.Flags | Where-Object { $_[0] -like "$cur*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_[0], $_[0], 'ParameterName', $_[1]) }
    }
    elseif ($node.Subs.Count -gt 0 -and $npos -eq 0) {
        return $node.Subs | Where-Object { $_[0] -like "$cur*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_[0], $_[0], 'ParameterValue', $_[1]) }
    }
    elseif ($npos -lt $node.Positionals.Count) { $directive = $node.Positionals[$npos] }
    $candidates = @()
    if ($directive -like 'choices *') { $candidates = $directive.Substring(8) -split ' ' }
    elseif ($directive -eq 'dynamic') {
        $argv = @($rest | Select-Object -SkipLast 1)
        # Windows PowerShell (and 7.2-) drop empty arguments to native commands; '""' passes one there.
        $v = $PSVersionTable.PSVersion
        if ($cur -eq '' -and ($v.Major -lt 7 -or ($v.Major -eq 7 -and $v.Minor -lt 3))) { $argv += '""' } else { $argv += $cur }
        $candidates = @(& hodu __complete @argv 2>$null)
    }
    else { return }
    $candidates | Where-Object { $_ -and $_ -like "$prefix*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new("$lead$_", $_, 'ParameterValue', $_) }
}
