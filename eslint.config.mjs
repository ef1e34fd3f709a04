// House rules: type-checked recommended, eqeqeq, curly, no console, no floating promises, zero warnings,
// and the layer rule — core never imports vscode, dockerode or the language client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const heavyModules = [
    'dockerode',
    'vscode-languageclient',
    'vscode-languageclient/*',
    'ssh2',
    'tar-fs',
    'tar-stream',
    'protobufjs',
    '@grpc/*',
];

export default tseslint.config(
    {
        ignores: [
            'dist/**',
            'out/**',
            'node_modules/**',
            '.vscode-test/**',
            'test-results/**',
            'examples/**',
            'test/fixtures/**',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            eqeqeq: ['error', 'always'],
            curly: ['error', 'all'],
            'no-console': 'error',
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/consistent-type-imports': [
                'error',
                { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
            ],
        },
    },
    {
        files: ['src/core/**'],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            group: [
                                'vscode',
                                ...heavyModules,
                                '**/engine/**',
                                '**/vscode/**',
                                '**/cli/**',
                                '**/server/**',
                                '**/targets/**',
                                '**/pipeline/**',
                            ],
                            message: 'src/core is pure: Node built-ins and small pure libraries only.',
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ['src/engine/**'],
        rules: {
            // dockerode is allowed here, but only as a type or through a dynamic import().
            'no-restricted-imports': [
                'error',
                {
                    paths: [
                        {
                            name: 'dockerode',
                            allowTypeImports: true,
                            message: 'Load dockerode lazily with await import().',
                        },
                    ],
                    patterns: [
                        {
                            group: [
                                'vscode',
                                'vscode-languageclient',
                                'vscode-languageclient/*',
                                '**/vscode/**',
                                '**/cli/**',
                                '**/server/**',
                                '**/targets/**',
                                '**/pipeline/**',
                            ],
                            message: 'src/engine sits below the front ends.',
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ['src/pipeline/**'],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    paths: [{ name: 'dockerode', allowTypeImports: true, message: 'Only src/engine loads dockerode.' }],
                    patterns: [
                        {
                            group: [
                                'vscode',
                                'vscode-languageclient',
                                'vscode-languageclient/*',
                                '**/vscode/**',
                                '**/cli/**',
                                '**/server/**',
                            ],
                            message: 'src/pipeline sits below the front ends.',
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ['src/targets/**'],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    paths: [{ name: 'dockerode', allowTypeImports: true, message: 'Only src/engine loads dockerode.' }],
                    patterns: [
                        {
                            group: [
                                'vscode',
                                'vscode-languageclient',
                                'vscode-languageclient/*',
                                '**/vscode/**',
                                '**/cli/**',
                                '**/server/**',
                                '**/pipeline/**',
                            ],
                            message: 'src/targets sits below the front ends and the pipeline.',
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ['src/vscode/**', 'src/extension.ts', 'src/cli/**'],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    paths: heavyModules
                        .filter((name) => !name.includes('*'))
                        .map((name) => ({
                            name,
                            allowTypeImports: true,
                            message: 'Heavy modules load on first use: import() them, or import types only.',
                        })),
                },
            ],
        },
    },
    {
        files: ['src/server/**'],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            group: ['vscode', '**/vscode/**', '**/engine/**'],
                            message: 'The language server reuses core and never imports vscode.',
                        },
                    ],
                },
            ],
        },
    },
    {
        // Tests and benchmarks report figures and progress on the console on purpose.
        files: ['test/**', 'scripts/**'],
        rules: {
            'no-console': 'off',
            // node:test's describe/it return promises the runner itself awaits.
            '@typescript-eslint/no-floating-promises': [
                'error',
                {
                    allowForKnownSafeCalls: [
                        {
                            from: 'package',
                            package: 'node:test',
                            name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach', 'suite'],
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ['**/*.mjs'],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: {
            parserOptions: { projectService: false },
            globals: {
                process: 'readonly',
                console: 'readonly',
                URL: 'readonly',
                performance: 'readonly',
                setTimeout: 'readonly',
            },
        },
        rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
    },
);
