# fish completion for hodu — generated from the command tree by `hodu completions SHELL` (scripts/gen-completions.ts); do not edit
# Install: hodu completions fish > ~/.config/fish/completions/hodu.fish

# Sets __hodu_subs and __hodu_valflags (value-taking flags) for a command path.
function __hodu_spec --argument-names p
    switch "$p"
        case ''
            set -g __hodu_subs run inspect build convert plugin cache config doctor self-update ops version completions
            set -g __hodu_valflags
        case 'run'
            set -g __hodu_subs
            set -g __hodu_valflags --input --output --output-dir --shape --dim --fill --seed --profile-out --max-memory --warmup --runs --duration --expect --rtol --atol --compare-backends --dump --dump-nodes --backend --device --threads --opt-level -O
        case 'inspect'
            set -g __hodu_subs
            set -g __hodu_valflags --graph --output -o --node --dim --shape --opt-level -O
        case 'build'
            set -g __hodu_subs
            set -g __hodu_valflags --output -o --backend --shape --target --format --threads --opt-level -O
        case 'convert'
            set -g __hodu_subs
            set -g __hodu_valflags --opset --opt-level -O
        case 'plugin'
            set -g __hodu_subs list info install rebuild remove disable enable new test
            set -g __hodu_valflags
        case 'plugin list'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'plugin info'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'plugin install'
            set -g __hodu_subs
            set -g __hodu_valflags --path
        case 'plugin rebuild'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'plugin remove'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'plugin disable'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'plugin enable'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'plugin new'
            set -g __hodu_subs
            set -g __hodu_valflags --type --lang --dir
        case 'plugin test'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'cache'
            set -g __hodu_subs status clean
            set -g __hodu_valflags
        case 'cache status'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'cache clean'
            set -g __hodu_subs
            set -g __hodu_valflags --older-than --model
        case 'config'
            set -g __hodu_subs list get set unset path edit
            set -g __hodu_valflags
        case 'config list'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'config get'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'config set'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'config unset'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'config path'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'config edit'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'doctor'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'self-update'
            set -g __hodu_subs
            set -g __hodu_valflags --version --channel
        case 'ops'
            set -g __hodu_subs
            set -g __hodu_valflags --backend
        case 'version'
            set -g __hodu_subs
            set -g __hodu_valflags
        case 'completions'
            set -g __hodu_subs
            set -g __hodu_valflags
        case '*'
            set -g __hodu_subs
            set -g __hodu_valflags
    end
end

# Walks the tokens before the cursor like the dispatcher: sets __hodu_path, __hodu_npos (positionals
# seen) and __hodu_expect (a flag still waiting for its value).
function __hodu_walk
    set -g __hodu_path ''
    set -g __hodu_npos 0
    set -g __hodu_expect ''
    set -l ended 0
    __hodu_spec ''
    for w in (commandline -opc)[2..-1]
        if test -n "$__hodu_expect"
            set __hodu_expect ''
            continue
        end
        if test $ended = 0 -a "$w" = --
            set ended 1
            continue
        end
        if test $ended = 0; and string match -qr -- '^-.' $w
            if not string match -q -- '*=*' $w; and contains -- $w $__hodu_valflags
                set __hodu_expect $w
            end
            continue
        end
        if test $__hodu_npos = 0; and contains -- $w $__hodu_subs
            set __hodu_path (string trim -- "$__hodu_path $w")
            __hodu_spec $__hodu_path
        else
            set __hodu_npos (math $__hodu_npos + 1)
        end
    end
end

# True while completing a flag (or its value) of command path $p.
function __hodu_at --argument-names p
    __hodu_walk
    test "$__hodu_path" = "$p"
end

# True where a subcommand of command path $p can be typed.
function __hodu_sub --argument-names p
    __hodu_walk
    test "$__hodu_path" = "$p" -a "$__hodu_npos" = 0 -a -z "$__hodu_expect"
end

# True at positional argument number $n (from 0) of command path $p.
function __hodu_pos --argument-names p n
    __hodu_walk
    test "$__hodu_path" = "$p" -a "$__hodu_npos" = "$n" -a -z "$__hodu_expect"
end

# Candidates only hodu knows at TAB time (installed plugins, backends).
function __hodu_dynamic
    hodu __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null
end

complete -c hodu -e
complete -c hodu -f
complete -c hodu -n '__hodu_sub \'\'' -a run -d 'Run a model on inputs and print or save its outputs'
complete -c hodu -n '__hodu_sub \'\'' -a inspect -d 'Show a model (inputs, outputs, ops, parameters) or a tensor file'
complete -c hodu -n '__hodu_sub \'\'' -a build -d 'Compile a model ahead of time into a .so, a .a or a standalone executable (no hodu needed to run it)'
complete -c hodu -n '__hodu_sub \'\'' -a convert -d 'Convert a model or tensor file to another format (by extension); extract weights, upgrade the opset'
complete -c hodu -n '__hodu_sub \'\'' -a plugin -d 'Create, install, list and remove plugins (formats and backends)'
complete -c hodu -n '__hodu_sub \'\'' -a cache -d 'Show and clean the compile cache of built models and kernel libraries'
complete -c hodu -n '__hodu_sub \'\'' -a config -d 'Show and change settings in $HODU_HOME/config.toml'
complete -c hodu -n '__hodu_sub \'\'' -a doctor -d 'Check the installation, environment and configuration'
complete -c hodu -n '__hodu_sub \'\'' -a self-update -d 'Update hodu to the latest release (signed and checksummed), or roll back'
complete -c hodu -n '__hodu_sub \'\'' -a ops -d 'List the supported ops per backend, with opset range and dtypes'
complete -c hodu -n '__hodu_sub \'\'' -a version -d 'Show version, commit, Bun, platform and SDK/ABI versions'
complete -c hodu -n '__hodu_sub \'\'' -a completions -d 'Print the shell completion script for bash, zsh, fish or powershell'
complete -c hodu -n '__hodu_at \'\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'\'' -l version -s V -d 'Print the version'
complete -c hodu -n '__hodu_at \'run\'' -l input -r -F -d 'Input: NAME=FILE.npy, FILE.npz (keys = input names) or one unnamed FILE.npy; NAME=VALUE for a scalar (sr=16000, temp=0.7, flag=true; an existing file of that name wins) or NAME=1,2,3 for a 1-D input, in the input\'s dtype; repeatable'
complete -c hodu -n '__hodu_at \'run\'' -l output -r -F -d 'Write every output to FILE (.npz, .safetensors), keyed by its ONNX name'
complete -c hodu -n '__hodu_at \'run\'' -l output-dir -x -a '(__fish_complete_directories (commandline -ct))' -d 'Write one .npy per output into DIR'
complete -c hodu -n '__hodu_at \'run\'' -l shape -r -F -d 'Set a dynamic input shape for generated inputs: NAME=1x3x640x640; repeatable'
complete -c hodu -n '__hodu_at \'run\'' -l dim -r -F -d 'Set a symbolic input dim by name for every input that uses it: batch=1; repeatable (a --shape for an input wins over --dim for that input)'
complete -c hodu -n '__hodu_at \'run\'' -l fill -r -F -d 'Generate inputs filled with NAME=uniform:LO:HI, normal:MEAN:STD, int:LO:HI (inclusive; integer and bool inputs), zeros or ones; a bare SPEC (or *=SPEC) fills every generated input it fits; implies --random-inputs for the inputs it covers; repeatable'
complete -c hodu -n '__hodu_at \'run\'' -l random-inputs -d 'Generate inputs that were not given (uniform [0,1) floats, integers 0 to 9, seeded; --fill chooses)'
complete -c hodu -n '__hodu_at \'run\'' -l seed -x -d 'Seed for generated inputs (--random-inputs, --fill), 0 to 2^32-1: the same seed gives the same bytes; --verbose prints each generated input'
complete -c hodu -n '__hodu_at \'run\'' -l profile -d 'Time every node: per-op and per-node tables with time, share, calls and GFLOP/s (on stderr, or "profile" in --json)'
complete -c hodu -n '__hodu_at \'run\'' -l profile-out -r -F -d 'Write the node timings as a Chrome trace (JSON; opens in Perfetto or chrome://tracing); times nodes even without --profile (with --json, "profile" is in the JSON too)'
complete -c hodu -n '__hodu_at \'run\'' -l explain -d 'Say which backend runs the model and why; for a native backend, its partitions and why each node it lacks fell back to the interp (on stderr, or "explain" in --json)'
complete -c hodu -n '__hodu_at \'run\'' -l max-memory -x -d 'Cap on hodu\'s resident memory (RSS), e.g. 2GiB: refused before the run when the estimate (hodu itself, weights, inputs, peak intermediates, kernel scratch, outputs) is over, stopped while running when the RSS goes over (default: $HODU_MAX_MEMORY, runtime.max_memory, else no limit)'
complete -c hodu -n '__hodu_at \'run\'' -l dry-run -d 'Compute nothing: print the format plugin, backend, device, threads, the partition (bodies too), the passes that would change the graph, the planned memory, the cache state and why each other backend was passed over; exit 1 with the missing ops when no backend can run the model (--expect, --compare-backends, --dump, --profile-out and --benchmark need a run and are refused)'
complete -c hodu -n '__hodu_at \'run\'' -l benchmark -d 'Time the model instead of printing outputs: one session, warm-up runs, then measured runs; reports load, compile (planning) and run latency statistics (outputs are not printed; --output/--output-dir are refused)'
complete -c hodu -n '__hodu_at \'run\'' -l warmup -x -d 'With --benchmark: unmeasured runs first (default 2)'
complete -c hodu -n '__hodu_at \'run\'' -l runs -x -d 'With --benchmark: measured runs (default 10)'
complete -c hodu -n '__hodu_at \'run\'' -l duration -x -d 'With --benchmark: measure for this long instead of --runs, e.g. 10s, 500ms'
complete -c hodu -n '__hodu_at \'run\'' -l expect -r -F -d 'Compare every output with the same-named tensor of FILE (.npz, .safetensors; one .npy for a one-output model): dtype, shape and values (NaN equals NaN); prints a table and exits 1 on any mismatch ("expect" in --json)'
complete -c hodu -n '__hodu_at \'run\'' -l rtol -x -d 'With --expect/--compare-backends: relative tolerance, |got - expected| <= atol + rtol*|expected| (default 1e-3; integer and bool outputs compare exactly)'
complete -c hodu -n '__hodu_at \'run\'' -l atol -x -d 'With --expect/--compare-backends: absolute tolerance (default 1e-4)'
complete -c hodu -n '__hodu_at \'run\'' -l compare-backends -x -d 'Run on each of these backends (2 or more, comma-separated; the first is the reference) and compare their outputs; exits 1 on any mismatch (not with --backend, --profile, --profile-out, --explain)'
complete -c hodu -n '__hodu_at \'run\'' -l dump -x -a '(__fish_complete_directories (commandline -ct))' -d 'Write every intermediate value (top-level node outputs) as .npy into DIR, with index.json (value -> file, dtype, shape, node, op); works with --backend cpu'
complete -c hodu -n '__hodu_at \'run\'' -l dump-nodes -x -d 'With --dump: only values whose name, node name or op (Conv, Relu) matches this regular expression; matching nothing is an error'
complete -c hodu -n '__hodu_at \'run\'' -l backend -x -a '(__hodu_dynamic)' -d 'Backend to run on (default: $HODU_BACKEND, runtime.backend, else best available for the device)'
complete -c hodu -n '__hodu_at \'run\'' -l device -x -a '(__hodu_dynamic)' -d 'Device to run on (default: $HODU_DEVICE, runtime.device, else cpu)'
complete -c hodu -n '__hodu_at \'run\'' -l threads -x -d 'Worker threads for the backend, 1 to max(64, 4 × cores) (default: $HODU_THREADS, runtime.threads, else the backend default)'
complete -c hodu -n '__hodu_at \'run\'' -l isolate -d 'Run a native backend plugin in a child process, so a crash is reported and recorded (default: on; --no-isolate: in-process, unprotected)'
complete -c hodu -n '__hodu_at \'run\'' -l opt-level -s O -x -a '0 1 2 3' -d 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'
complete -c hodu -n '__hodu_at \'run\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'run\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'run\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'run\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'run\' 0' -F
complete -c hodu -n '__hodu_at \'inspect\'' -l initializers -d 'List every weight (initializers and Constant node tensors) with its size'
complete -c hodu -n '__hodu_at \'inspect\'' -l graph -x -a 'text dot svg' -d 'Print the whole graph: text (hodu\'s IR text form; also a bare --graph), dot (Graphviz digraph with inferred shapes on the edges) or svg (drawn by Graphviz\'s dot, which must be installed)'
complete -c hodu -n '__hodu_at \'inspect\'' -l output -s o -r -F -d 'With --graph: write it to FILE (atomically) instead of stdout'
complete -c hodu -n '__hodu_at \'inspect\'' -l node -x -d 'Show one node (by name, or by the name of a value it makes): attributes, inputs and outputs with inferred dtypes and shapes, producers and consumers'
complete -c hodu -n '__hodu_at \'inspect\'' -l shapes -d 'List every value\'s inferred dtype and shape (after shape inference; with --dim and --shape)'
complete -c hodu -n '__hodu_at \'inspect\'' -l dim -r -F -d 'With --shapes, --node or --graph: set a symbolic input dim by name: batch=1; repeatable'
complete -c hodu -n '__hodu_at \'inspect\'' -l shape -r -F -d 'With --shapes, --node or --graph: set an input shape: NAME=1x3x224x224; repeatable (wins over --dim for that input)'
complete -c hodu -n '__hodu_at \'inspect\'' -l stats -d 'For a tensor file: min, max, mean, std (over finite elements), NaN and Inf counts of each tensor'
complete -c hodu -n '__hodu_at \'inspect\'' -l values -d 'For a tensor file: a preview of each tensor\'s values (numpy style)'
complete -c hodu -n '__hodu_at \'inspect\'' -l opt-level -s O -x -a '0 1 2 3' -d 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'
complete -c hodu -n '__hodu_at \'inspect\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'inspect\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'inspect\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'inspect\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'inspect\' 0' -F
complete -c hodu -n '__hodu_at \'build\'' -l output -s o -r -F -d 'The artifact to write; its extension picks the format unless --format or --standalone says: .so/.dylib shared library, .a static archive, anything else needs --standalone (an executable)'
complete -c hodu -n '__hodu_at \'build\'' -l backend -x -a '(__hodu_dynamic)' -d 'Backend whose kernels the artifact is built from (a builder: cpu, or an installed native plugin with ABI 3)'
complete -c hodu -n '__hodu_at \'build\'' -l shape -r -F -d 'Fix a symbolic input dim: NAME=1x3x640x640 (a built model has static shapes); repeatable'
complete -c hodu -n '__hodu_at \'build\'' -l target -x -d 'Machine to build for: native (default), x86_64-linux-gnu (linux-x64), aarch64-linux-gnu (linux-arm64); another architecture needs its cross compiler'
complete -c hodu -n '__hodu_at \'build\'' -l format -x -d 'so (shared library), a (static archive) or exe (standalone executable); default: from the output extension'
complete -c hodu -n '__hodu_at \'build\'' -l standalone -d 'Build an executable that reads .npy/.npz inputs and writes .npz outputs (= --format exe)'
complete -c hodu -n '__hodu_at \'build\'' -l threads -x -d 'The artifact\'s default thread count (hodu_model_create(0)); 0: the machine\'s cores'
complete -c hodu -n '__hodu_at \'build\'' -l cache -d 'Reuse and fill the compile cache ($HODU_HOME/cache); --no-cache builds from scratch and stores nothing'
complete -c hodu -n '__hodu_at \'build\'' -l dry-run -d 'Compile and write nothing: print the plan (passes, kernel coverage, arena), whether the compile cache has this build (hit/miss, the same key), and exit 1 with the ops the backend lacks'
complete -c hodu -n '__hodu_at \'build\'' -l opt-level -s O -x -a '0 1 2 3' -d 'Graph optimizations: 0 none, 1 constant folding + dead code + identities, 2 also Conv+BatchNorm and MatMul+Add fusion, 3 = 2'
complete -c hodu -n '__hodu_at \'build\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'build\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'build\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'build\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'build\' 0' -F
complete -c hodu -n '__hodu_at \'convert\'' -l opset -x -d 'Upgrade the model to this ai.onnx opset (mechanical rewrites only; see docs/convert.md)'
complete -c hodu -n '__hodu_at \'convert\'' -l opt-level -s O -x -a '0 1 2 3' -d 'Apply hodu\'s graph optimizations of this level (as `hodu run -O N`) before saving'
complete -c hodu -n '__hodu_at \'convert\'' -l external-data -d 'Write initializers and Constant tensors of 1 KiB or more to OUTPUT.data (ONNX external data)'
complete -c hodu -n '__hodu_at \'convert\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'convert\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'convert\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'convert\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'convert\' 0' -F
complete -c hodu -n '__hodu_pos \'convert\' 1' -F
complete -c hodu -n '__hodu_sub \'plugin\'' -a list -d 'List embedded and installed plugins with their status'
complete -c hodu -n '__hodu_sub \'plugin\'' -a info -d 'Show one plugin: source, install folder, build, checksum, capabilities, status'
complete -c hodu -n '__hodu_sub \'plugin\'' -a install -d 'Install a plugin package from a folder (builds native sources with the system C compiler)'
complete -c hodu -n '__hodu_sub \'plugin\'' -a rebuild -d 'Rebuild an installed plugin against this hodu (e.g. after an upgrade)'
complete -c hodu -n '__hodu_sub \'plugin\'' -a remove -d 'Uninstall a plugin (its folder and its plugins.json entry)'
complete -c hodu -n '__hodu_sub \'plugin\'' -a disable -d 'Stop using an installed plugin: never chosen automatically, refused by --backend until enabled'
complete -c hodu -n '__hodu_sub \'plugin\'' -a enable -d 'Use a disabled plugin again'
complete -c hodu -n '__hodu_sub \'plugin\'' -a new -d 'Create a plugin package from a template that installs as is'
complete -c hodu -n '__hodu_sub \'plugin\'' -a test -d 'Check a plugin: ABI, SDK, capabilities; a backend op by op against interp, a format by round trips'
complete -c hodu -n '__hodu_at \'plugin\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'plugin list\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin list\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin list\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin list\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'plugin info\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin info\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin info\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin info\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'plugin info\' 0' -a '(__hodu_dynamic)'
complete -c hodu -n '__hodu_at \'plugin install\'' -l path -x -a '(__fish_complete_directories (commandline -ct))' -d 'Folder holding the plugin package.json'
complete -c hodu -n '__hodu_at \'plugin install\'' -l debug -d 'Build native sources with -O0 -g instead of -O2'
complete -c hodu -n '__hodu_at \'plugin install\'' -l force -d 'Replace an installed plugin of the same name'
complete -c hodu -n '__hodu_at \'plugin install\'' -l quiet -d 'No progress output'
complete -c hodu -n '__hodu_at \'plugin install\'' -l json -d 'Print the installed plugin as JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin install\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin install\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin install\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'plugin rebuild\'' -l debug -d 'Build native sources with -O0 -g instead of -O2'
complete -c hodu -n '__hodu_at \'plugin rebuild\'' -l quiet -d 'No progress output'
complete -c hodu -n '__hodu_at \'plugin rebuild\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin rebuild\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin rebuild\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin rebuild\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'plugin rebuild\' 0' -a '(__hodu_dynamic)'
complete -c hodu -n '__hodu_at \'plugin remove\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin remove\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin remove\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin remove\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'plugin remove\' 0' -a '(__hodu_dynamic)'
complete -c hodu -n '__hodu_at \'plugin disable\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin disable\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin disable\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin disable\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'plugin disable\' 0' -a '(__hodu_dynamic)'
complete -c hodu -n '__hodu_at \'plugin enable\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin enable\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin enable\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin enable\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'plugin enable\' 0' -a '(__hodu_dynamic)'
complete -c hodu -n '__hodu_at \'plugin new\'' -l type -x -a 'backend format' -d 'Plugin type: backend or format'
complete -c hodu -n '__hodu_at \'plugin new\'' -l lang -x -a 'c ts' -d 'Language: c (native backend) or ts'
complete -c hodu -n '__hodu_at \'plugin new\'' -l dir -x -a '(__fish_complete_directories (commandline -ct))' -d 'Folder to create (default: ./NAME)'
complete -c hodu -n '__hodu_at \'plugin new\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin new\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin new\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin new\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'plugin test\'' -l debug -d 'Build a plugin folder with -O0 -g'
complete -c hodu -n '__hodu_at \'plugin test\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'plugin test\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'plugin test\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'plugin test\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'plugin test\' 0' -a '(__hodu_dynamic)'
complete -c hodu -n '__hodu_sub \'cache\'' -a status -d 'Show where the compile cache is, its entries and size, and hits/misses since the last clean'
complete -c hodu -n '__hodu_sub \'cache\'' -a clean -d 'Remove compile cache entries: without flags, corrupt ones, interrupted builds and the least recently used over max_size'
complete -c hodu -n '__hodu_at \'cache\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'cache\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'cache\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'cache status\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'cache status\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'cache status\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'cache status\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'cache clean\'' -l all -d 'Remove every entry'
complete -c hodu -n '__hodu_at \'cache clean\'' -l older-than -x -d 'Remove entries not used for this long, e.g. 7d, 12h, 30m'
complete -c hodu -n '__hodu_at \'cache clean\'' -l model -r -F -d 'Remove entries built from this model file (matched by its sha256)'
complete -c hodu -n '__hodu_at \'cache clean\'' -l dry-run -d 'List what would be removed; remove nothing'
complete -c hodu -n '__hodu_at \'cache clean\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'cache clean\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'cache clean\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'cache clean\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_sub \'config\'' -a list -d 'List every config key with its value, default and source'
complete -c hodu -n '__hodu_sub \'config\'' -a get -d 'Print the value of one config key as hodu uses it (its environment variable, else config.toml); an unset key prints nothing and exits 1'
complete -c hodu -n '__hodu_sub \'config\'' -a set -d 'Set one config key (validated; comments in the file are kept)'
complete -c hodu -n '__hodu_sub \'config\'' -a unset -d 'Remove one key from config.toml (it falls back to its default)'
complete -c hodu -n '__hodu_sub \'config\'' -a path -d 'Print the path of config.toml ($HODU_HOME/config.toml)'
complete -c hodu -n '__hodu_sub \'config\'' -a edit -d 'Open config.toml in $VISUAL/$EDITOR, then validate it (an invalid edit is rolled back)'
complete -c hodu -n '__hodu_at \'config\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'config list\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'config list\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config list\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config list\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'config get\'' -l default -d 'Print the default when the key is not set (exit 1 only if it has none)'
complete -c hodu -n '__hodu_at \'config get\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'config get\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config get\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config get\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'config get\' 0' -a 'log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check'
complete -c hodu -n '__hodu_at \'config set\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'config set\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config set\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config set\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'config set\' 0' -a 'log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check'
complete -c hodu -n '__hodu_at \'config unset\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'config unset\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config unset\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config unset\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'config unset\' 0' -a 'log.level log.format log.file runtime.threads runtime.max_memory runtime.backend runtime.device cache.dir cache.enabled cache.max_size network.proxy network.timeout_ms registry.url update.channel update.url update.check_interval update.check'
complete -c hodu -n '__hodu_at \'config path\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'config path\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config path\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config path\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'config edit\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'config edit\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'config edit\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'config edit\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'doctor\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'doctor\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'doctor\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'doctor\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'self-update\'' -l check -d 'Only show the installed and the latest version (exit 0 whether or not an update is available, see "updateAvailable" with --json; 1 if the check fails)'
complete -c hodu -n '__hodu_at \'self-update\'' -l version -x -d 'Install this version (also older ones) instead of the latest'
complete -c hodu -n '__hodu_at \'self-update\'' -l channel -x -d 'Release channel (default: [update] channel in config.toml, else stable)'
complete -c hodu -n '__hodu_at \'self-update\'' -l rollback -d 'Go back to the binary the last update replaced'
complete -c hodu -n '__hodu_at \'self-update\'' -l force -d 'Reinstall the current version (never an older one: use --version for that)'
complete -c hodu -n '__hodu_at \'self-update\'' -l quiet -d 'No progress output'
complete -c hodu -n '__hodu_at \'self-update\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'self-update\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'self-update\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'self-update\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'ops\'' -l backend -x -a '(__hodu_dynamic)' -d 'Only this backend (default: interp and every installed backend plugin)'
complete -c hodu -n '__hodu_at \'ops\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'ops\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'ops\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'ops\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'version\'' -l json -d 'Print machine-readable JSON on stdout'
complete -c hodu -n '__hodu_at \'version\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'version\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'version\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_at \'completions\'' -l help -s h -d 'Show help'
complete -c hodu -n '__hodu_at \'completions\'' -l verbose -d 'Show stack traces and details on errors'
complete -c hodu -n '__hodu_at \'completions\'' -l no-color -d 'Disable colour (also NO_COLOR=1)'
complete -c hodu -n '__hodu_pos \'completions\' 0' -a 'bash zsh fish powershell'
