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
 * The heavy packages an esbuild metafile's output statically contains, each with the import chain that pulled
 * it in (from the entry point down), so the message says which of our files to make lazy.
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
    // Any heavy input in the output counts, even one only an import() reaches: esbuild inlines it in the same
    // file (no code splitting for CommonJS), so VS Code still reads and compiles it at activation.
    const entry = bundled.entryPoint;
    const parent = new Map([[entry, undefined]]);
    const queue = [entry];
    while (queue.length > 0) {
        const from = queue.shift();
        for (const edge of metafile.inputs[from]?.imports ?? []) {
            if (edge.external || parent.has(edge.path)) {
                continue;
            }
            parent.set(edge.path, from);
            queue.push(edge.path);
        }
    }
    const found = new Map();
    for (const input of Object.keys(bundled.inputs)) {
        const name = packageOf(input);
        if (name === undefined || !heavy.includes(name) || found.has(name)) {
            continue;
        }
        const chain = [];
        for (let at = input; at !== undefined; at = parent.get(at)) {
            chain.unshift(at);
        }
        found.set(name, { module: name, chain });
    }
    return [...found.values()];
}

/** One message naming every heavy module found and how it is reached; empty when there is none. */
export function describeHeavyModules(output, found) {
    return found.map(({ module, chain }) => `${output} loads ${module} at activation: ${chain.join(' → ')}`).join('\n');
}
