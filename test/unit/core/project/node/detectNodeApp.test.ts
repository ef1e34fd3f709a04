import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFiles, detected, packageJson } from './runDetectNode';

describe('detectNode app facts', () => {
    it('no start script but server.js: node server.js, as npm start does', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({ name: 'x', dependencies: { express: '^4.21.1' } }),
                'server.js': "const app = require('express')();\napp.listen(process.env.PORT || 8000);\n",
            }),
        );
        assert.deepEqual(node.app?.startCommand, {
            value: ['node', 'server.js'],
            at: { file: 'server.js', line: 1 },
            how: 'npm start default (server.js and no start script)',
        });
        assert.deepEqual(node.app?.entry, {
            value: 'server.js',
            at: { file: 'server.js', line: 1 },
            how: 'npm start default (server.js)',
        });
        assert.deepEqual(
            node.app?.ports.map((port) => [port.value, port.at]),
            [[8000, { file: 'server.js', line: 2 }]],
        );
        assert.equal(node.app?.confidence, 3);
    });

    it('only main: node <main>, an entry, confidence 2', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({ name: 'x', main: 'lib/run' }),
                'lib/run.js': 'require("http").createServer().listen(7000);\n',
            }),
        );
        assert.deepEqual(node.app?.startCommand, {
            value: ['node', 'lib/run'],
            at: { file: 'package.json', line: 3 },
            how: 'package.json main (there is no start script)',
        });
        assert.deepEqual(node.app?.entry, {
            value: 'lib/run.js',
            at: { file: 'package.json', line: 3 },
            how: 'package.json main',
        });
        assert.deepEqual(
            node.app?.ports.map((port) => port.value),
            [7000],
        );
        assert.equal(node.app?.confidence, 2);
    });

    it('only a manifest: confidence 1', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({ name: 'tooling', devDependencies: { prettier: '^3.3.3' } }),
            }),
        );
        assert.deepEqual(node.app, {
            root: '.',
            framework: null,
            startCommand: null,
            ports: [],
            entry: null,
            workspacePackages: [],
            confidence: 1,
        });
    });

    it('ports on the start command line beat the framework default', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: { start: 'next start -p 4000' },
                    dependencies: { next: '15.0.3' },
                }),
            }),
        );
        assert.deepEqual(node.app?.ports, [
            { value: 4000, at: { file: 'package.json', line: 4 }, how: '-p in scripts.start' },
        ]);
        const env = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: { start: 'PORT=8081 remix-serve ./build/server/index.js' },
                    dependencies: { '@remix-run/serve': '^2.15.0' },
                }),
            }),
        );
        assert.deepEqual(env.app?.startCommand?.value, ['env', 'PORT=8081', 'remix-serve', './build/server/index.js']);
        assert.deepEqual(env.app?.ports, [
            { value: 8081, at: { file: 'package.json', line: 4 }, how: 'PORT in scripts.start' },
        ]);
        assert.equal(env.app?.framework?.value, 'remix');
        const flag = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: { start: 'vite preview --port=5000' },
                    devDependencies: { vite: '^5.4.11' },
                }),
            }),
        );
        assert.deepEqual(
            flag.app?.ports.map((port) => [port.value, port.how]),
            [[5000, '--port in scripts.start']],
        );
    });

    it('framework defaults when nothing else says: vite preview, nuxt, SvelteKit only with adapter-node', async () => {
        const vite = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: { start: 'vite preview' },
                    devDependencies: { vite: '^5.4.11' },
                }),
            }),
        );
        assert.deepEqual(vite.app?.ports, [{ value: 4173, how: 'vite preview default port' }]);
        const nuxt = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: { start: 'node .output/server/index.mjs' },
                    dependencies: { nuxt: '^3.14.0' },
                }),
            }),
        );
        assert.deepEqual(nuxt.app?.ports, [{ value: 3000, how: 'Nuxt default (its Nitro server listens on 3000)' }]);
        const kit = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: { start: 'node build' },
                    devDependencies: { '@sveltejs/kit': '^2.8.0', '@sveltejs/adapter-node': '^5.2.9' },
                }),
            }),
        );
        assert.deepEqual(kit.app?.ports, [{ value: 3000, how: 'SvelteKit adapter-node default' }]);
        const staticKit = detected(
            await detectFiles({
                'package.json': packageJson({ name: 'x', devDependencies: { '@sveltejs/kit': '^2.8.0' } }),
            }),
        );
        assert.equal(staticKit.app?.framework?.value, 'sveltekit');
        assert.deepEqual(staticKit.app?.ports, []);
    });

    it('a shell start script keeps its exec form as sh -c and is still read for entry and ports', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    scripts: {
                        start: 'prisma migrate deploy && node --env-file .env.production -r dotenv/config src/index.js',
                    },
                }),
                'src/index.js': "require('http').createServer(() => {}).listen(6000);\n",
            }),
        );
        assert.deepEqual(node.app?.startCommand?.value, [
            'sh',
            '-c',
            'prisma migrate deploy && node --env-file .env.production -r dotenv/config src/index.js',
        ]);
        assert.deepEqual(node.app?.entry?.value, 'src/index.js');
        assert.deepEqual(
            node.app?.ports.map((port) => [port.value, port.at?.file]),
            [[6000, 'src/index.js']],
        );
    });

    it('a meta-framework wins over the server it runs on', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'x',
                    dependencies: { express: '^4.21.1', '@nestjs/core': '^10.4.7' },
                }),
            }),
        );
        assert.equal(node.app?.framework?.value, 'nestjs');
    });

    it('workspaces { packages } with ** and an exclusion; the root with a start script wins when apps/ has none', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'mono',
                    private: true,
                    workspaces: { packages: ['services/**', '!services/deprecated/*'] },
                    scripts: { start: 'node gateway.js' },
                }),
                'services/billing/api/package.json': packageJson({ name: 'billing', dependencies: { koa: '^2.15.3' } }),
                'services/deprecated/old/package.json': packageJson({ name: 'old', scripts: { start: 'node old.js' } }),
            }),
        );
        assert.equal(node.app?.root, '.');
        assert.deepEqual(node.app?.workspacePackages, ['services/billing/api']);
    });

    it('pins in the app folder come before the root’s of the same kind', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({
                    name: 'mono',
                    private: true,
                    workspaces: ['apps/*'],
                    engines: { node: '>=20' },
                }),
                '.nvmrc': '20\n',
                'apps/api/.nvmrc': '22.11.0\n',
                'apps/api/package.json': packageJson({
                    name: 'api',
                    scripts: { start: 'node main.js' },
                    engines: { node: '^22.11.0' },
                    devEngines: { runtime: { name: 'node', version: '>=22' } },
                }),
            }),
        );
        assert.deepEqual(
            node.declared.map((pin) => [pin.source, pin.file, pin.line, pin.range]),
            [
                ['.nvmrc', 'apps/api/.nvmrc', 1, '22.11.0'],
                ['.nvmrc', '.nvmrc', 1, '20.x'],
                ['package.json#engines.node', 'apps/api/package.json', 7, '^22.11.0'],
                ['package.json#engines.node', 'package.json', 8, '>=20'],
                ['package.json#devEngines.runtime', 'apps/api/package.json', 12, '>=22'],
            ],
        );
    });

    it('binding.gyp inside node_modules is not the project’s', async () => {
        const node = detected(
            await detectFiles({
                'package.json': packageJson({ name: 'x' }),
                'node_modules/fsevents/binding.gyp': '{}',
                'addon/binding.gyp': '{}',
            }),
        );
        assert.deepEqual(
            node.nativeDependencies.map((dep) => dep.name),
            ['addon/binding.gyp'],
        );
    });
});
