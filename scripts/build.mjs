// Bundles the extension, the language server, the CLI and the lazily loaded vendor modules with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CLI_SHELL, CLI_SNAPSHOT, describeHeavyModules, heavyModulesIn, shellProblems } from './build/heavyModules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

// Heavy modules become their own files in dist/, required only when first used: vendor packages by name, our
// own lazy entry points (src/vscode/lazy/*) by path. One line each: an import matching `pattern` in any bundle
// becomes a require of dist/<file> at run time, and dist/<file> is built from `entry`.
const LAZY = [
    { pattern: /^dockerode$/, file: 'dockerode.js', entry: 'node_modules/dockerode/lib/docker.js' },
    // yaml: only projects with YAML files (pnpm workspaces, Spring settings, compose files) parse any.
    { pattern: /^yaml$/, file: 'yaml.js', entry: 'node_modules/yaml/dist/index.js' },
    {
        pattern: /^vscode-languageclient\/node$/,
        file: 'languageclient.js',
        entry: 'node_modules/vscode-languageclient/lib/node/main.js',
    },
    { pattern: /\/lazy\/pipelineModule$/, file: 'pipeline.js', entry: 'src/vscode/lazy/pipelineModule.ts' },
    // Everything of the extension but its shell (src/extension.ts): commands, views' data, lenses, the client.
    { pattern: /\/lazy\/workbenchModule$/, file: 'workbench.js', entry: 'src/vscode/lazy/workbenchModule.ts' },
    // The check for misplaced settings (a JSONC parser), run just after activation.
    {
        pattern: /\/lazy\/settingPlacesModule$/,
        file: 'settingPlaces.js',
        entry: 'src/vscode/lazy/settingPlacesModule.ts',
    },
    // The language server's completion, hover docs and formatting; its diagnostics need only dockerfile-utils.
    {
        pattern: /^dockerfile-language-service$/,
        file: 'dockerfileService.js',
        entry: 'node_modules/dockerfile-language-service/lib/main.js',
    },
    // tar-stream: packing build contexts and reading container archives (src/engine/lazy/tarStream.ts).
    { pattern: /\/lazy\/tarStream$/, file: 'tarStream.js', entry: 'src/engine/lazy/tarStream.ts' },
];

// gRPC and protobufjs are one bundle, dist/grpc.js, loaded when a BuildKit build starts — by our session
// (src/engine/build/BuildSession.ts) and by dockerode's (its session and BuildKit status decoding). Each package
// sits behind a getter, so a caller pays only for the package it reads; every import of them maps onto this file.
const GRPC_ENTRY = `module.exports = {
    get '@grpc/grpc-js'() { return require('@grpc/grpc-js'); },
    get '@grpc/proto-loader'() { return require('@grpc/proto-loader'); },
    get protobufjs() { return require('protobufjs'); },
};`;
const GRPC_FILTER = /^(@grpc\/grpc-js|@grpc\/proto-loader|protobufjs)$/;

/** Rewrites imports of lazy modules into requires of their sibling bundle; gRPC's into getters of dist/grpc.js. */
const lazyModules = ({ grpc = true } = {}) => ({
    name: 'lazy-modules',
    setup(build) {
        build.onResolve({ filter: new RegExp(LAZY.map(({ pattern }) => pattern.source).join('|')) }, (args) => {
            if (args.kind === 'entry-point') {
                return undefined;
            }
            const { file } = LAZY.find(({ pattern }) => pattern.test(args.path));
            return { path: `./${file}`, external: true };
        });
        if (!grpc) {
            return;
        }
        // Each gRPC/protobufjs package is a getter of dist/grpc.js. dockerode's lib/docker.js requires
        // lib/session.js, which requires @grpc/grpc-js and @grpc/proto-loader at its top level: an eager shim
        // there would load gRPC (~130 ms) with every engine call. Its shims are lazy instead — a Proxy that
        // requires dist/grpc.js on the first property read, which happens only when dockerode opens a session.
        build.onResolve({ filter: GRPC_FILTER }, (args) => ({
            path: args.path,
            namespace: args.importer.includes('node_modules/dockerode/') ? 'grpc-lazy' : 'grpc-shim',
        }));
        build.onLoad({ filter: /.*/, namespace: 'grpc-shim' }, (args) => ({
            contents: `module.exports = require('./grpc.js')[${JSON.stringify(args.path)}];`,
            loader: 'js',
        }));
        build.onLoad({ filter: /.*/, namespace: 'grpc-lazy' }, (args) => ({
            contents: proxyOf(`require('./grpc.js')[${JSON.stringify(args.path)}]`),
            loader: 'js',
        }));
        // tar-fs, which dockerode's lib/util.js requires at its top level, gets tar-stream from dist/tarStream.js
        // (the same pack and extract Parity uses) on first use, instead of a second copy inside dist/dockerode.js.
        build.onResolve({ filter: /^tar-stream$/ }, (args) =>
            args.importer.includes('node_modules/tar-fs/') ? { path: args.path, namespace: 'tar-lazy' } : undefined,
        );
        build.onLoad({ filter: /.*/, namespace: 'tar-lazy' }, () => ({
            contents: proxyOf(`require('./tarStream.js')`),
            loader: 'js',
        }));
        build.onResolve({ filter: /^\.\/tarStream\.js$/ }, (args) =>
            args.namespace === 'tar-lazy' ? { path: './tarStream.js', external: true } : undefined,
        );
        build.onResolve({ filter: /^\.\/grpc\.js$/ }, (args) =>
            args.namespace === 'grpc-shim' || args.namespace === 'grpc-lazy'
                ? { path: './grpc.js', external: true }
                : undefined,
        );
    },
});

/** A module whose exports are a Proxy that evaluates `load` (a require of a sibling bundle) on first use. */
function proxyOf(load) {
    return [
        'let loaded;',
        `const load = () => (loaded ??= ${load});`,
        'module.exports = new Proxy({}, {',
        '    get: (_, key) => load()[key],',
        '    has: (_, key) => key in load(),',
        '    ownKeys: () => Reflect.ownKeys(load()),',
        '    getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(load(), key),',
        '});',
    ].join('\n');
}

/**
 * `import * as vscode from 'vscode'` in each of our ~80 extension modules would become its own
 * __toESM(require('vscode')): a copy of the whole API object (hundreds of getters) per module, at require time —
 * the largest part of activation after compiling. One ES module shim re-exports the API once; every module
 * imports the shim's namespace instead.
 */
const vscodeOnce = {
    name: 'vscode-once',
    setup(build) {
        build.onResolve({ filter: /^vscode$/ }, (args) =>
            args.namespace === 'vscode-once'
                ? { path: 'vscode', external: true }
                : { path: 'vscode', namespace: 'vscode-once' },
        );
        build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
            contents: "export * from 'vscode';",
            loader: 'js',
        }));
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
    { ...common, entryPoints: { extension: 'src/extension.ts' }, plugins: [vscodeOnce, lazyModules()] },
    // The CLI: dist/cli.js parses the command line and answers --help and --version; a command's code is in
    // dist/cli-commands.js, which cli.js requires through a V8 code cache (src/cli/requireWithCodeCache.ts) —
    // or, for `parity snapshot` of this machine, the CLI's hot path, in dist/cli-snapshot.js, without the engine.
    {
        ...common,
        entryPoints: { cli: 'src/cli/main.ts' },
        banner: { js: '#!/usr/bin/env node' },
    },
    { ...common, entryPoints: { 'cli-commands': 'src/cli/cliCommands.ts' }, plugins: [lazyModules()] },
    { ...common, entryPoints: { 'cli-snapshot': 'src/cli/cliSnapshot.ts' }, plugins: [lazyModules()] },
    { ...common, entryPoints: { server: 'src/server/main.ts' }, plugins: [lazyModules()] },
    ...LAZY.map(({ file, entry }) => ({
        ...common,
        entryPoints: { [file.replace(/\.js$/, '')]: entry },
        plugins: [vscodeOnce, lazyModules()],
    })),
    {
        ...common,
        stdin: { contents: GRPC_ENTRY, resolveDir: root, sourcefile: 'grpc-bundle.js' },
        outfile: join(root, 'dist/grpc.js'),
        plugins: [lazyModules({ grpc: false })],
    },
].map((options) => ({ ...options, absWorkingDir: root, ...(options.outfile ? {} : { outdir: join(root, 'dist') }) }));

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
    const extension = results[0].metafile;
    const { metafile: workbench } = results.find(({ metafile }) => 'dist/workbench.js' in metafile.outputs);
    const heavy = [
        describeHeavyModules('dist/extension.js', heavyModulesIn(extension, 'dist/extension.js')),
        describeHeavyModules('dist/workbench.js', heavyModulesIn(workbench, 'dist/workbench.js')),
    ].filter((message) => message !== '');
    if (heavy.length > 0) {
        console.error(heavy.join('\n'));
        console.error('Load them lazily (await import(), src/vscode/lazy/*, the LAZY table in scripts/build.mjs).');
        process.exitCode = 1;
    }
    for (const [output, rule] of [
        ['dist/cli.js', CLI_SHELL],
        ['dist/cli-snapshot.js', CLI_SNAPSHOT],
    ]) {
        const { metafile } = results.find((result) => output in result.metafile.outputs);
        const problems = shellProblems(metafile, output, { minified: production, ...rule });
        if (problems.length > 0) {
            console.error(`${problems.join('\n')}\n${rule.advice}`);
            process.exitCode = 1;
        }
    }
    const shell = shellProblems(extension, 'dist/extension.js', { minified: production });
    if (shell.length > 0) {
        console.error(shell.join('\n'));
        console.error('Keep src/extension.ts a shell: what it needs beyond vscode belongs in dist/workbench.js.');
        process.exitCode = 1;
    }
    const outputs = (await readdir(join(root, 'dist'))).filter((name) => /\.m?js$/.test(name)).sort();
    const sizes = await Promise.all(
        outputs.map(async (name) => {
            const { size } = await stat(join(root, 'dist', name));
            return `${name} ${(size / 1024).toFixed(0)} KiB`;
        }),
    );
    console.log(`esbuild: ${sizes.join(', ')} in ${Math.round(performance.now() - started)} ms`);
}
