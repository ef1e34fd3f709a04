import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NODE_GYP_NEEDS } from '../../../../../src/core/project/node/knownNativePackages';
import { detectFixture, detected } from './runDetectNode';

describe('detectNode on fixture projects', () => {
    it('node-express-nvmrc: .nvmrc 20, npm lockfile, express app on process.env.PORT || 3000', async () => {
        const run = await detectFixture('node-express-nvmrc');
        const node = detected(run);
        assert.equal(node.ecosystem, 'node');
        assert.deepEqual(node.declared, [{ source: '.nvmrc', file: '.nvmrc', line: 1, raw: '20', range: '20.x' }]);
        assert.deepEqual(node.packageManagers, [
            { name: 'npm', ecosystem: 'node', declared: null, evidence: 'lockfile' },
        ]);
        assert.deepEqual(node.lockfiles, [{ file: 'package-lock.json', manager: 'npm', packageRoot: '.' }]);
        assert.deepEqual(node.nativeDependencies, []);
        assert.deepEqual(node.app, {
            root: '.',
            framework: { value: 'express', at: { file: 'package.json', line: 13 }, how: 'express in dependencies' },
            startCommand: {
                value: ['node', 'server.js'],
                at: { file: 'package.json', line: 8 },
                how: 'package.json scripts.start',
            },
            ports: [
                { value: 3000, at: { file: 'server.js', line: 18 }, how: 'process.env.PORT fallback in server.js' },
            ],
            entry: { value: 'server.js', at: { file: 'package.json', line: 8 }, how: 'run by scripts.start' },
            workspacePackages: [],
            confidence: 3,
        });
        assert.deepEqual(run.issues, []);
    });

    it('node-lts-alias: lts/iron resolved offline, engines kept as written, yarn classic lockfile', async () => {
        const run = await detectFixture('node-lts-alias');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            {
                source: '.nvmrc',
                file: '.nvmrc',
                line: 1,
                raw: 'lts/iron',
                range: '20.x',
                note: '"lts/iron" is Node 20 (Iron LTS).',
            },
            { source: 'package.json#engines.node', file: 'package.json', line: 7, raw: '>=18', range: '>=18' },
        ]);
        assert.deepEqual(node.lockfiles, [{ file: 'yarn.lock', manager: 'yarn', packageRoot: '.', format: 'classic' }]);
        assert.deepEqual(node.packageManagers, [
            { name: 'yarn', ecosystem: 'node', declared: null, evidence: 'lockfile' },
        ]);
        assert.deepEqual(node.app?.framework, {
            value: 'koa',
            at: { file: 'package.json', line: 15 },
            how: 'koa in dependencies',
        });
        assert.deepEqual(node.app?.startCommand?.value, ['node', 'src/index.js']);
        assert.deepEqual(node.app?.entry, {
            value: 'src/index.js',
            at: { file: 'package.json', line: 10 },
            how: 'run by scripts.start',
        });
        assert.deepEqual(node.app?.ports, [
            { value: 8080, at: { file: 'src/index.js', line: 19 }, how: 'listen(…) in src/index.js' },
        ]);
        assert.deepEqual(run.issues, []);
    });

    it('node-conflicting-pins: returns both pins, and warns that pnpm is pinned but only npm locked', async () => {
        const run = await detectFixture('node-conflicting-pins');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            { source: '.nvmrc', file: '.nvmrc', line: 1, raw: '18', range: '18.x' },
            { source: 'package.json#engines.node', file: 'package.json', line: 8, raw: '>=20', range: '>=20' },
        ]);
        assert.deepEqual(node.packageManagers, [
            {
                name: 'pnpm',
                ecosystem: 'node',
                declared: { file: 'package.json', line: 6, raw: '9.12.0', source: 'package.json#packageManager' },
                evidence: 'packageManager',
            },
            { name: 'npm', ecosystem: 'node', declared: null, evidence: 'lockfile' },
        ]);
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message:
                    'package.json pins pnpm (packageManager) but the only lockfile is package-lock.json (npm); pnpm will ignore it and resolve dependency versions afresh.',
                at: { file: 'package.json', line: 6 },
            },
        ]);
        assert.deepEqual(node.app?.ports, [
            { value: 3000, at: { file: 'src/server.js', line: 15 }, how: 'listen({ port }) in src/server.js' },
        ]);
        assert.equal(node.app?.framework?.value, 'fastify');
    });

    it('node-pnpm-monorepo: picks apps/api, reads pnpm-workspace.yaml with its exclusion, keeps the lockfile at the root', async () => {
        const run = await detectFixture('node-pnpm-monorepo');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            { source: '.nvmrc', file: '.nvmrc', line: 1, raw: '22', range: '22.x' },
            {
                source: 'package.json#engines.node',
                file: 'package.json',
                line: 6,
                raw: '>=22.11.0',
                range: '>=22.11.0',
            },
        ]);
        assert.deepEqual(node.packageManagers, [
            {
                name: 'pnpm',
                ecosystem: 'node',
                declared: { file: 'package.json', line: 4, raw: '9.12.0', source: 'package.json#packageManager' },
                evidence: 'packageManager',
            },
        ]);
        assert.deepEqual(node.lockfiles, [{ file: 'pnpm-lock.yaml', manager: 'pnpm', packageRoot: '.' }]);
        assert.deepEqual(node.app, {
            root: 'apps/api',
            framework: {
                value: 'fastify',
                at: { file: 'apps/api/package.json', line: 14 },
                how: 'fastify in dependencies',
            },
            startCommand: {
                value: ['node', 'dist/server.js'],
                at: { file: 'apps/api/package.json', line: 9 },
                how: 'package.json scripts.start',
            },
            // dist/ is not built yet, so the port comes from the source the build compiles.
            ports: [
                {
                    value: 4000,
                    at: { file: 'apps/api/src/server.ts', line: 9 },
                    how: 'process.env.PORT fallback in apps/api/src/server.ts',
                },
            ],
            entry: {
                value: 'apps/api/dist/server.js',
                at: { file: 'apps/api/package.json', line: 9 },
                how: 'run by scripts.start',
            },
            workspacePackages: ['apps/web', 'packages/shared'],
            confidence: 3,
        });
        assert.deepEqual(run.issues, []);
    });

    it('node-yarn-berry-workspaces: berry lockfile, .node-version, the express service over the worker', async () => {
        const run = await detectFixture('node-yarn-berry-workspaces');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            { source: '.node-version', file: '.node-version', line: 1, raw: '20.18.1', range: '20.18.1' },
        ]);
        assert.deepEqual(node.lockfiles, [{ file: 'yarn.lock', manager: 'yarn', packageRoot: '.', format: 'berry' }]);
        assert.deepEqual(node.packageManagers, [
            {
                name: 'yarn',
                ecosystem: 'node',
                declared: { file: 'package.json', line: 4, raw: '4.5.1', source: 'package.json#packageManager' },
                evidence: 'packageManager',
            },
        ]);
        assert.equal(node.app?.root, 'services/gateway');
        assert.deepEqual(node.app?.workspacePackages, ['libs/logger', 'services/worker']);
        assert.deepEqual(node.app?.framework, {
            value: 'express',
            at: { file: 'services/gateway/package.json', line: 11 },
            how: 'express in dependencies',
        });
        assert.deepEqual(node.app?.startCommand, {
            value: ['node', 'index.js'],
            at: { file: 'services/gateway/package.json', line: 6 },
            how: 'package.json scripts.start',
        });
        assert.deepEqual(node.app?.ports, [
            {
                value: 8080,
                at: { file: 'services/gateway/index.js', line: 9 },
                how: 'process.env.PORT fallback in services/gateway/index.js',
            },
        ]);
        assert.deepEqual(run.issues, []);
    });

    it('node-next-app: next start with no port gets the Next.js default and no entry file', async () => {
        const run = await detectFixture('node-next-app');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            { source: '.node-version', file: '.node-version', line: 1, raw: '20.18.0', range: '20.18.0' },
        ]);
        assert.deepEqual(node.app, {
            root: '.',
            framework: { value: 'next', at: { file: 'package.json', line: 12 }, how: 'next in dependencies' },
            startCommand: {
                value: ['next', 'start'],
                at: { file: 'package.json', line: 8 },
                how: 'package.json scripts.start',
            },
            ports: [{ value: 3000, how: 'next start default port' }],
            entry: null,
            workspacePackages: [],
            confidence: 3,
        });
        assert.deepEqual(run.issues, []);
    });

    it('node-native-addons: bcrypt, sharp and bufferutil at their lines, and the local binding.gyp', async () => {
        const node = detected(await detectFixture('node-native-addons'));
        assert.deepEqual(
            node.nativeDependencies.map((dep) => [dep.name, dep.declaredAt.file, dep.declaredAt.line, dep.needs]),
            [
                ['bcrypt', 'package.json', 10, ['python3', 'make', 'g++']],
                ['sharp', 'package.json', 12, ['python3', 'make', 'g++', 'libvips-dev']],
                ['bufferutil', 'package.json', 18, ['python3', 'make', 'g++']],
                ['native/binding.gyp', 'native/binding.gyp', 1, NODE_GYP_NEEDS],
            ],
        );
        const sharp = node.nativeDependencies.find((dep) => dep.name === 'sharp');
        assert.match(
            sharp?.reason ?? '',
            /^known native package \(dependencies, locked at package-lock\.json:33\): .*glibc vs musl/,
        );
        assert.match(
            node.nativeDependencies.find((dep) => dep.name === 'bufferutil')?.reason ?? '',
            /\(optionalDependencies\)/,
        );
        assert.equal(
            node.nativeDependencies.find((dep) => dep.name === 'native/binding.gyp')?.reason,
            'binding.gyp: node-gyp compiles this addon on install',
        );
        assert.ok(node.nativeDependencies.every((dep) => dep.ecosystem === 'node'));
        assert.deepEqual(node.app?.ports, [
            { value: 8080, at: { file: 'server.js', line: 7 }, how: 'port constant in server.js' },
        ]);
    });

    it('node-malformed: reports the broken package.json and the Latin-1 .node-version, and goes on', async () => {
        const run = await detectFixture('node-malformed');
        const node = detected(run);
        assert.deepEqual(run.issues, [
            {
                severity: 'error',
                message:
                    'package.json is not valid JSON: comma expected at line 10, column 3 (and 2 more problems). npm, yarn and pnpm will refuse it; Parity used the parts it could read.',
                at: { file: 'package.json', line: 10 },
            },
            {
                severity: 'warning',
                message: '.node-version is not UTF-8 text; it was read as Latin-1 and may be misread.',
                at: { file: '.node-version', line: 1 },
            },
        ]);
        // The non-breaking space after the version is trimmed; the readable part of package.json still counts.
        assert.deepEqual(node.declared, [
            { source: '.node-version', file: '.node-version', line: 1, raw: 'v16.20.2', range: '16.20.2' },
            { source: 'package.json#engines.node', file: 'package.json', line: 8, raw: '^16.20', range: '^16.20' },
        ]);
        assert.deepEqual(node.packageManagers, [
            { name: 'npm', ecosystem: 'node', declared: null, evidence: 'default' },
        ]);
        assert.deepEqual(node.lockfiles, []);
        assert.equal(node.app?.framework?.value, 'express');
        assert.deepEqual(node.app?.ports, [
            { value: 5000, at: { file: 'index.js', line: 8 }, how: 'process.env.PORT fallback in index.js' },
        ]);
    });

    it('node-tool-versions: volta, then .tool-versions, then mise.toml', async () => {
        const run = await detectFixture('node-tool-versions');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            { source: 'package.json#volta.node', file: 'package.json', line: 19, raw: '20.11.1', range: '20.11.1' },
            { source: '.tool-versions', file: '.tool-versions', line: 2, raw: '20.11.1', range: '20.11.1' },
            { source: 'mise.toml', file: 'mise.toml', line: 2, raw: '22', range: '22.x' },
        ]);
        assert.deepEqual(node.app?.framework, {
            value: 'hapi',
            at: { file: 'package.json', line: 11 },
            how: '@hapi/hapi in dependencies',
        });
        assert.deepEqual(node.app?.ports, [
            { value: 3000, at: { file: 'lib/start.js', line: 7 }, how: 'process.env.PORT fallback in lib/start.js' },
        ]);
        assert.deepEqual(run.issues, []);
    });

    it('node-nest-api: lts/* and a start script that runs another script', async () => {
        const run = await detectFixture('node-nest-api');
        const node = detected(run);
        assert.deepEqual(node.declared, [
            {
                source: '.nvmrc',
                file: '.nvmrc',
                line: 1,
                raw: 'lts/*',
                range: '26.x',
                note: '"lts/*" means the newest LTS line: Node 26 (Lithium) as of 2026-11-28.',
            },
        ]);
        assert.deepEqual(node.app, {
            root: '.',
            framework: { value: 'nestjs', at: { file: 'package.json', line: 14 }, how: '@nestjs/core in dependencies' },
            startCommand: {
                value: ['npm', 'run', 'start:prod'],
                at: { file: 'package.json', line: 8 },
                how: 'package.json scripts.start',
            },
            ports: [
                { value: 3000, at: { file: 'src/main.ts', line: 7 }, how: 'process.env.PORT fallback in src/main.ts' },
            ],
            entry: { value: 'dist/main', at: { file: 'package.json', line: 10 }, how: 'run by scripts.start:prod' },
            workspacePackages: [],
            confidence: 3,
        });
        assert.deepEqual(run.issues, []);
    });
});
