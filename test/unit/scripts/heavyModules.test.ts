import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

interface Metafile {
    inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
    outputs: Record<string, { bytes?: number; entryPoint?: string; inputs: Record<string, unknown> }>;
}
interface HeavyCheck {
    heavyModulesIn(metafile: Metafile, output: string): { module: string; chain: string[] }[];
    describeHeavyModules(output: string, found: { module: string; chain: string[] }[]): string;
    shellProblems(
        metafile: Metafile,
        output: string,
        options: {
            minified: boolean;
            budget?: { minified: number; unminified: number };
            forbidden?: string[];
            allowed?: string[];
            home?: string;
        },
    ): string[];
    CLI_SHELL: { budget: { minified: number; unminified: number }; forbidden: string[]; home: string };
    CLI_SNAPSHOT: {
        budget: { minified: number; unminified: number };
        forbidden: string[];
        allowed: string[];
        home: string;
    };
}

const root = join(import.meta.dirname, '..', '..', '..');
/** scripts/build/heavyModules.mjs, the check scripts/build.mjs runs on every build. */
async function loadCheck(): Promise<HeavyCheck> {
    return (await import(pathToFileURL(join(root, 'scripts', 'build', 'heavyModules.mjs')).href)) as HeavyCheck;
}

/** A metafile as esbuild writes it: extension.ts → commands.ts → (optionally) a heavy package. */
function fixture(heavyImport: string | undefined): Metafile {
    const heavyInput = heavyImport && `node_modules/${heavyImport}/index.js`;
    const inputs: Metafile['inputs'] = {
        'src/extension.ts': { imports: [{ path: 'src/vscode/commands.ts', kind: 'import-statement' }] },
        'src/vscode/commands.ts': {
            imports: [
                { path: 'node_modules/jsonc-parser/lib/esm/main.js', kind: 'import-statement' },
                { path: './dockerode.js', kind: 'dynamic-import', external: true },
                ...(heavyInput ? [{ path: heavyInput, kind: 'import-statement' }] : []),
            ],
        },
        'node_modules/jsonc-parser/lib/esm/main.js': { imports: [] },
        ...(heavyInput ? { [heavyInput]: { imports: [] } } : {}),
    };
    return {
        inputs,
        outputs: {
            'dist/extension.js': {
                entryPoint: 'src/extension.ts',
                inputs: Object.fromEntries(Object.keys(inputs).map((input) => [input, {}])),
            },
        },
    };
}

describe('the heavy module check of the extension bundle', () => {
    it('passes a bundle that reaches heavy modules only through lazy bundles', async () => {
        const check = await loadCheck();
        assert.deepEqual(check.heavyModulesIn(fixture(undefined), 'dist/extension.js'), []);
    });

    it('fails on a heavy package and names the import chain that pulls it in', async () => {
        const check = await loadCheck();
        const found = check.heavyModulesIn(fixture('@grpc/grpc-js'), 'dist/extension.js');
        assert.deepEqual(found, [
            {
                module: '@grpc/grpc-js',
                chain: ['src/extension.ts', 'src/vscode/commands.ts', 'node_modules/@grpc/grpc-js/index.js'],
            },
        ]);
        assert.match(check.describeHeavyModules('dist/extension.js', found), /loads @grpc\/grpc-js at activation/);
    });

    it('fails on a lazy bundle required without an import() on the way, and passes it behind one', async () => {
        const check = await loadCheck();
        const metafile = (kind: string): Metafile => ({
            inputs: {
                'src/extension.ts': { imports: [{ path: 'src/vscode/EngineConnection.ts', kind: 'import-statement' }] },
                'src/vscode/EngineConnection.ts': { imports: [{ path: './dockerode.js', kind, external: true }] },
            },
            outputs: {
                'dist/extension.js': {
                    entryPoint: 'src/extension.ts',
                    inputs: { 'src/extension.ts': {}, 'src/vscode/EngineConnection.ts': {} },
                },
            },
        });
        assert.deepEqual(check.heavyModulesIn(metafile('import-statement'), 'dist/extension.js'), [
            {
                module: 'dist/dockerode.js',
                chain: ['src/extension.ts', 'src/vscode/EngineConnection.ts', 'dist/dockerode.js'],
            },
        ]);
        assert.deepEqual(check.heavyModulesIn(metafile('dynamic-import'), 'dist/extension.js'), []);
    });

    it('finds semver in a real esbuild metafile when an entry imports it', async () => {
        const check = await loadCheck();
        const folder = await mkdtemp(join(tmpdir(), 'parity heavy '));
        try {
            await writeFile(
                join(folder, 'extension.ts'),
                "import { valid } from 'semver';\nexport const ok = valid('1.2.3');\n",
            );
            const { metafile } = await esbuild.build({
                entryPoints: { extension: join(folder, 'extension.ts') },
                nodePaths: [join(root, 'node_modules')],
                bundle: true,
                platform: 'node',
                write: false,
                metafile: true,
                outdir: join(folder, 'dist'),
                absWorkingDir: folder,
                logLevel: 'silent',
            });
            const found = check.heavyModulesIn(metafile, 'dist/extension.js');
            assert.deepEqual(
                found.map(({ module }) => module),
                ['semver'],
            );
            assert.equal(found[0]?.chain[0], 'extension.ts');
        } finally {
            await rm(folder, { recursive: true, force: true });
        }
    });
});

describe('the shell check of the extension bundle', () => {
    /** extension.ts → the given inputs, each imported by the one before it. */
    const shell = (bytes: number, chain: string[]): Metafile => {
        const files = ['src/extension.ts', ...chain];
        return {
            inputs: Object.fromEntries(
                files.map((file, at) => [
                    file,
                    { imports: files[at + 1] ? [{ path: files[at + 1] ?? '', kind: 'import-statement' }] : [] },
                ]),
            ),
            outputs: {
                'dist/extension.js': {
                    bytes,
                    entryPoint: 'src/extension.ts',
                    inputs: Object.fromEntries(files.map((file) => [file, {}])),
                },
            },
        };
    };
    const budget = { minified: 1000, unminified: 3000 };

    it('passes a small bundle of vscode glue and pure helpers', async () => {
        const check = await loadCheck();
        const metafile = shell(900, ['src/vscode/lazy/LazyTreeProvider.ts', 'src/core/lsp/parityProtocol.ts']);
        assert.deepEqual(check.shellProblems(metafile, 'dist/extension.js', { minified: true, budget }), []);
        assert.deepEqual(check.shellProblems(shell(2500, []), 'dist/extension.js', { minified: false, budget }), []);
    });

    it('fails a bundle over its budget, minified or not', async () => {
        const check = await loadCheck();
        const [problem] = check.shellProblems(shell(1001, []), 'dist/extension.js', { minified: true, budget });
        assert.match(problem ?? '', /1001 bytes, over its budget of 1000/);
        assert.equal(check.shellProblems(shell(3001, []), 'dist/extension.js', { minified: false, budget }).length, 1);
    });

    it('fails a bundle that pulls in a command, and names the chain', async () => {
        const check = await loadCheck();
        const metafile = shell(500, ['src/vscode/ProjectFolders.ts', 'src/vscode/commands/engine/retryEngine.ts']);
        assert.deepEqual(check.shellProblems(metafile, 'dist/extension.js', { minified: true, budget }), [
            'dist/extension.js bundles src/vscode/commands/engine/retryEngine.ts, which belongs in the workbench: ' +
                'src/extension.ts → src/vscode/ProjectFolders.ts → src/vscode/commands/engine/retryEngine.ts',
        ]);
        const table = shell(500, ['src/vscode/commands.ts']);
        assert.equal(check.shellProblems(table, 'dist/extension.js', { minified: true, budget }).length, 1);
    });

    it('keeps the built dist/extension.js within the default budget', async () => {
        const check = await loadCheck();
        const { metafile } = await esbuild.build({
            entryPoints: { extension: join(root, 'src', 'extension.ts') },
            bundle: true,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            minify: true,
            external: ['vscode'],
            supported: { 'dynamic-import': false },
            plugins: [
                {
                    // The lazy bundles stay outside, as scripts/build.mjs keeps them.
                    name: 'lazy',
                    setup(build) {
                        build.onResolve({ filter: /\/lazy\/\w+Module$/ }, (args) =>
                            args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
                        );
                    },
                },
            ],
            write: false,
            metafile: true,
            outdir: join(root, 'dist'),
            absWorkingDir: root,
            logLevel: 'silent',
        });
        assert.deepEqual(check.shellProblems(metafile, 'dist/extension.js', { minified: true }), []);
    });
});

/** One bundle of the CLI as scripts/build.mjs makes it, minified; its lazy packages (yaml, dockerode) outside. */
async function cliBundleMetafile(name: string, entry: string): Promise<Metafile> {
    const { metafile } = await esbuild.build({
        entryPoints: { [name]: entry },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        minify: true,
        mainFields: ['module', 'main'],
        supported: { 'dynamic-import': false },
        external: ['vscode', 'cpu-features', '*.node', 'yaml', 'dockerode'],
        write: false,
        metafile: true,
        outdir: join(root, 'dist'),
        absWorkingDir: root,
        logLevel: 'silent',
    });
    return metafile;
}

describe('the shell check of the CLI executable', () => {
    it('keeps the built dist/cli.js to the command line, the usage and the loader', async () => {
        const check = await loadCheck();
        const metafile = await cliBundleMetafile('cli', join(root, 'src', 'cli', 'main.ts'));
        assert.deepEqual(check.shellProblems(metafile, 'dist/cli.js', { minified: true, ...check.CLI_SHELL }), []);
    });

    it('fails an executable that bundles the commands, and says where they belong', async () => {
        const check = await loadCheck();
        const folder = await mkdtemp(join(tmpdir(), 'parity-cli-shell-'));
        try {
            const entry = join(folder, 'main.ts');
            await writeFile(
                entry,
                `export { runNamedCommand } from ${JSON.stringify(join(root, 'src/cli/cliCommands'))};\n`,
            );
            const problems = check.shellProblems(await cliBundleMetafile('cli', entry), 'dist/cli.js', {
                minified: true,
                ...check.CLI_SHELL,
            });
            assert.match(problems[0] ?? '', /^dist\/cli\.js is \d+ bytes, over its budget of 12288/);
            assert.ok(
                problems.some((problem) =>
                    problem.startsWith(
                        'dist/cli.js bundles src/cli/cliCommands.ts, which belongs in dist/cli-commands.js',
                    ),
                ),
                problems.slice(0, 3).join('\n'),
            );
        } finally {
            await rm(folder, { recursive: true, force: true });
        }
    });
});

describe('the check of the snapshot bundle of the CLI', () => {
    it('keeps dist/cli-snapshot.js to the project and the machine: no engine, no build, within its budget', async () => {
        const check = await loadCheck();
        const metafile = await cliBundleMetafile('cli-snapshot', join(root, 'src', 'cli', 'cliSnapshot.ts'));
        const options = { minified: true, ...check.CLI_SNAPSHOT };
        assert.deepEqual(check.shellProblems(metafile, 'dist/cli-snapshot.js', options), []);
    });

    it('fails a snapshot bundle that reaches the engine client', async () => {
        const check = await loadCheck();
        const folder = await mkdtemp(join(tmpdir(), 'parity-cli-snapshot-'));
        try {
            const entry = join(folder, 'cliSnapshot.ts');
            await writeFile(
                entry,
                `export * from ${JSON.stringify(join(root, 'src/cli/cliSnapshot'))};\n` +
                    `export { EngineClient } from ${JSON.stringify(join(root, 'src/engine/EngineClient'))};\n`,
            );
            const problems = check.shellProblems(
                await cliBundleMetafile('cli-snapshot', entry),
                'dist/cli-snapshot.js',
                {
                    minified: true,
                    ...check.CLI_SNAPSHOT,
                },
            );
            assert.ok(
                problems.some((problem) =>
                    problem.startsWith('dist/cli-snapshot.js bundles src/engine/EngineClient.ts'),
                ),
                problems.join('\n'),
            );
            assert.ok(!problems.some((problem) => problem.includes('bundles src/engine/EngineError.ts')));
        } finally {
            await rm(folder, { recursive: true, force: true });
        }
    });
});
