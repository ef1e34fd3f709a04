// The modules activation must never load: each costs milliseconds to compile and run at require time, and the
// extension needs none of them until a command runs or a view is visible (they are lazy bundles of their own).
export const HEAVY_MODULES = [
    'semver',
    'yaml',
    'smol-toml',
    'typebox',
    'dockerode',
    'docker-modem',
    '@grpc/grpc-js',
    '@grpc/proto-loader',
    'protobufjs',
    'vscode-languageclient',
    'ssh2',
    'dockerfile-language-service',
    'dockerfile-ast',
    'tar-stream',
];

/** The package a metafile input path belongs to (`node_modules/@scope/name/…` → `@scope/name`), else undefined. */
function packageOf(inputPath) {
    const parts = inputPath.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0 || at + 1 >= parts.length) {
        return undefined;
    }
    return parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * The heavy packages an esbuild metafile's output contains, and the lazy bundles it requires without an import()
 * on the way, each with the import chain that pulls it in (from the entry point down), so the message says which
 * of our files to make lazy.
 * @param {{ inputs: Record<string, { imports: { path: string, kind: string, external?: boolean }[] }>,
 *           outputs: Record<string, { entryPoint?: string, inputs: Record<string, unknown> }> }} metafile
 * @param {string} output the output file's key in metafile.outputs, e.g. 'dist/extension.js'
 * @returns {{ module: string, chain: string[] }[]}
 */
export function heavyModulesIn(metafile, output, heavy = HEAVY_MODULES) {
    const bundled = metafile.outputs[output];
    if (!bundled) {
        throw new Error(`${output} is not an output of this build`);
    }
    const entry = bundled.entryPoint;
    const parent = reachable(metafile, entry, () => true);
    const found = new Map();
    const add = (name, input, parents) => {
        if (found.has(name)) {
            return;
        }
        const chain = [];
        for (let at = input; at !== undefined; at = parents.get(at)) {
            chain.unshift(at);
        }
        found.set(name, { module: name, chain });
    };
    // Any heavy input in the output counts, even one only an import() reaches: esbuild inlines it in the same
    // file (no code splitting for CommonJS), so VS Code still reads and compiles it at activation.
    for (const input of Object.keys(bundled.inputs)) {
        const name = packageOf(input);
        if (name !== undefined && heavy.includes(name)) {
            add(name, input, parent);
        }
    }
    // A lazy bundle (an external ./name.js) or a gRPC shim reached by static imports alone is required at
    // activation too: it must be reached through an import() somewhere on the way.
    const statically = reachable(metafile, entry, (edge) => edge.kind !== 'dynamic-import');
    for (const from of statically.keys()) {
        if (/^grpc-(shim|lazy):/.test(from)) {
            add(from.replace(/^grpc-\w+:/, ''), from, statically);
        }
        for (const edge of metafile.inputs[from]?.imports ?? []) {
            if (edge.external && edge.kind !== 'dynamic-import' && /^\.\/\w+\.js$/.test(edge.path)) {
                statically.set(`dist/${edge.path.slice(2)}`, from);
                add(`dist/${edge.path.slice(2)}`, `dist/${edge.path.slice(2)}`, statically);
            }
        }
    }
    return [...found.values()];
}

/** Every input reachable from `entry` over the non-external imports `follow` accepts, each with its importer. */
function reachable(metafile, entry, follow) {
    const parent = new Map([[entry, undefined]]);
    const queue = [entry];
    while (queue.length > 0) {
        const from = queue.shift();
        for (const edge of metafile.inputs[from]?.imports ?? []) {
            if (edge.external || parent.has(edge.path) || !follow(edge)) {
                continue;
            }
            parent.set(edge.path, from);
            queue.push(edge.path);
        }
    }
    return parent;
}

/** One message naming every heavy module found and how it is reached; empty when there is none. */
export function describeHeavyModules(output, found) {
    return found.map(({ module, chain }) => `${output} loads ${module} at activation: ${chain.join(' → ')}`).join('\n');
}

/**
 * The most dist/extension.js may weigh, minified (and unminified, for development builds): it is compiled and
 * run at every activation, so it holds the shell only — registrations that forward to dist/workbench.js.
 */
export const SHELL_BUDGET = { minified: 8 * 1024, unminified: 24 * 1024 };

/** Our folders whose code belongs in the workbench; the shell importing any of them has grown past a shell. */
export const NOT_IN_SHELL = [
    'src/vscode/commands.ts',
    'src/vscode/commands/',
    'src/vscode/views/',
    'src/vscode/diff/',
    'src/pipeline/',
    'src/targets/',
    'src/engine/',
];

/**
 * The CLI's executable, dist/cli.js, is compiled by every `parity` run, --help included: the command line, the
 * usage and the loader of dist/cli-commands.js, which holds everything else.
 */
export const CLI_SHELL = {
    budget: { minified: 12 * 1024, unminified: 32 * 1024 },
    forbidden: ['src/cli/cliCommands.ts', 'src/core/', 'src/engine/', 'src/targets/', 'src/pipeline/', 'node_modules/'],
    // Where the code cache lives: a few lines over node:fs, node:os and node:path.
    allowed: ['src/core/privateCacheFolder.ts'],
    home: 'dist/cli-commands.js',
    advice: 'Keep src/cli/main.ts a shell: what commands need belongs in src/cli/cliCommands.ts.',
};

/**
 * dist/cli-snapshot.js, `parity snapshot` of this machine: the project's files and the machine's facts, never
 * the engine, the build or the diff, which `snapshot --target` and the other commands load from
 * dist/cli-commands.js.
 */
export const CLI_SNAPSHOT = {
    budget: { minified: 320 * 1024, unminified: 768 * 1024 },
    forbidden: [
        'src/engine/',
        'src/pipeline/targets/',
        'src/pipeline/build/',
        'src/core/diff/report/',
        'node_modules/dockerode/',
        'node_modules/yaml/',
    ],
    // The error class the CLI maps every command's engine failures with; it imports nothing.
    allowed: ['src/engine/EngineError.ts'],
    home: 'dist/cli-commands.js',
    advice: 'Keep src/cli/cliSnapshot.ts to the snapshot of this machine: the rest belongs in src/cli/cliCommands.ts.',
};

/**
 * Why an esbuild metafile's output is not a shell any more: over its byte budget, or bundling one of the
 * inputs NOT_IN_SHELL names (each reported with the import chain that pulls it in). Empty when it is one.
 * @param {{ inputs: Record<string, { imports: { path: string, kind: string, external?: boolean }[] }>,
 *           outputs: Record<string, { bytes: number, entryPoint?: string, inputs: Record<string, unknown> }> }} metafile
 * @param {string} output the output file's key in metafile.outputs, e.g. 'dist/extension.js'
 * @param {{ minified: boolean, budget?: { minified: number, unminified: number }, forbidden?: string[],
 *           allowed?: string[], home?: string }} options
 * @returns {string[]}
 */
export function shellProblems(
    metafile,
    output,
    { minified, budget = SHELL_BUDGET, forbidden = NOT_IN_SHELL, allowed = [], home = 'the workbench' },
) {
    const bundled = metafile.outputs[output];
    if (!bundled) {
        throw new Error(`${output} is not an output of this build`);
    }
    const limit = minified ? budget.minified : budget.unminified;
    const problems =
        bundled.bytes > limit
            ? [`${output} is ${bundled.bytes} bytes, over its budget of ${limit} (${minified ? '' : 'un'}minified)`]
            : [];
    const parent = reachable(metafile, bundled.entryPoint, () => true);
    for (const input of Object.keys(bundled.inputs)) {
        const matches = (prefix) => input === prefix || (prefix.endsWith('/') && input.startsWith(prefix));
        if (forbidden.some(matches) && !allowed.includes(input)) {
            const chain = [];
            for (let at = input; at !== undefined; at = parent.get(at)) {
                chain.unshift(at);
            }
            problems.push(`${output} bundles ${input}, which belongs in ${home}: ${chain.join(' → ')}`);
        }
    }
    return problems;
}
