// Bundles the extension, the language server, the CLI and the lazily loaded vendor modules with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

// Heavy modules become their own files in dist/, required only when first used: vendor packages by name,
// our own lazy entry points (src/vscode/lazy/*) by path.
const LAZY = [
    [/^dockerode$/, './dockerode.js'],
    [/^vscode-languageclient\/node$/, './languageclient.js'],
    [/^@grpc\/grpc-js$/, './grpc.js'],
    [/\/lazy\/pipelineModule$/, './pipeline.js'],
    // The language server's completion, hover docs and formatting; its diagnostics need only dockerfile-utils.
    [/^dockerfile-language-service$/, './dockerfileService.js'],
];

/** Rewrites imports of lazy modules into requires of their sibling bundle. */
const lazyModules = {
    name: 'lazy-modules',
    setup(build) {
        build.onResolve(
            {
                filter: /^dockerode$|^vscode-languageclient\/node$|^@grpc\/grpc-js$|\/lazy\/pipelineModule$|^dockerfile-language-service$/,
            },
            (args) => ({
                path: LAZY.find(([pattern]) => pattern.test(args.path))[1],
                external: true,
            }),
        );
    },
};

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Prefer packages' ESM builds: UMD builds (jsonc-parser's) hide their requires from the bundler.
    mainFields: ['module', 'main'],
    target: 'node20',
    // The lazy bundles are CommonJS: a real import() of one sends it through the ESM loader, which scans its
    // whole text for export names first (~0.3 s for dockerode.js on every `parity` run); require() does not.
    supported: { 'dynamic-import': false },
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    // ssh2's optional native crypto binding cannot be bundled; ssh2 falls back to JavaScript.
    external: ['vscode', 'cpu-features', '*.node'],
    define: { PARITY_VERSION: JSON.stringify(version) },
};

const builds = [
    { ...common, entryPoints: { extension: 'src/extension.ts' }, plugins: [lazyModules] },
    {
        ...common,
        entryPoints: { cli: 'src/cli/main.ts' },
        plugins: [lazyModules],
        banner: { js: '#!/usr/bin/env node' },
    },
    { ...common, entryPoints: { server: 'src/server/main.ts' }, plugins: [lazyModules] },
    { ...common, entryPoints: { dockerfileService: 'node_modules/dockerfile-language-service/lib/main.js' } },
    { ...common, entryPoints: { pipeline: 'src/vscode/lazy/pipelineModule.ts' }, plugins: [lazyModules] },
    { ...common, entryPoints: { dockerode: 'node_modules/dockerode/lib/docker.js' } },
    { ...common, entryPoints: { languageclient: 'node_modules/vscode-languageclient/lib/node/main.js' } },
    // BuildKit sessions (src/engine/build/BuildSession.ts) load gRPC only when a build starts.
    { ...common, entryPoints: { grpc: 'node_modules/@grpc/grpc-js/build/src/index.js' } },
].map((options) => ({ ...options, absWorkingDir: root, outdir: join(root, 'dist') }));

if (!watch) {
    await rm(join(root, 'dist'), { recursive: true, force: true });
}
await mkdir(join(root, 'dist'), { recursive: true });
// dockerode reads its BuildKit .proto files from __dirname/proto at run time.
await cp(join(root, 'node_modules/dockerode/lib/proto'), join(root, 'dist/proto'), { recursive: true });

if (watch) {
    for (const options of builds) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    console.log('esbuild: watching src/ …');
} else {
    const started = performance.now();
    const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
    if (process.argv.includes('--analyze')) {
        for (const result of results) {
            console.log(await esbuild.analyzeMetafile(result.metafile));
        }
    }
    const sizes = await Promise.all(
        ['extension', 'cli', 'server', 'dockerfileService', 'pipeline', 'dockerode', 'languageclient', 'grpc'].map(
            async (name) => {
                const { size } = await stat(join(root, 'dist', `${name}.js`));
                return `${name}.js ${(size / 1024).toFixed(0)} KiB`;
            },
        ),
    );
    console.log(`esbuild: ${sizes.join(', ')} in ${Math.round(performance.now() - started)} ms`);
}
