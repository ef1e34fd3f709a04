import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFiles, detected, packageJson } from './runDetectNode';

/** A monorepo whose root start is `start`, with an API package (express, port 4100) and a web package (next). */
function monorepo(start: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    return {
        'package.json': packageJson({
            name: 'root',
            private: true,
            workspaces: ['apps/*', 'services/*'],
            scripts: { start },
        }),
        'services/api/package.json': packageJson({
            name: '@acme/api',
            scripts: { start: 'node index.js', serve: 'node serve.js' },
            dependencies: { express: '^4.21.1' },
        }),
        'services/api/index.js': "const app = require('express')();\napp.listen(process.env.PORT || 4100);\n",
        'services/api/serve.js': "const app = require('express')();\napp.listen(process.env.PORT || 4200);\n",
        'apps/web/package.json': packageJson({
            name: 'web',
            scripts: { start: 'next start' },
            dependencies: { next: '15.0.0' },
        }),
        ...extra,
    };
}

describe('detectNode: a monorepo root start that delegates to one workspace package', () => {
    const forms: readonly (readonly [string, string, string])[] = [
        ['npm run start -w @acme/api', 'start', 'index.js'],
        ['npm run start --workspace=@acme/api', 'start', 'index.js'],
        ['npm start --workspace services/api', 'start', 'index.js'],
        ['npm run serve -w=@acme/api', 'serve', 'serve.js'],
        ['pnpm --filter @acme/api start', 'start', 'index.js'],
        ['pnpm -F @acme/api run serve', 'serve', 'serve.js'],
        ['pnpm -C services/api start', 'start', 'index.js'],
        ['yarn workspace @acme/api start', 'start', 'index.js'],
        ['yarn workspace @acme/api run serve', 'serve', 'serve.js'],
        ['turbo run start --filter=@acme/api', 'start', 'index.js'],
        ['turbo start --filter @acme/api', 'start', 'index.js'],
        ['nx serve @acme/api', 'serve', 'serve.js'],
        ['nx run @acme/api:start', 'start', 'index.js'],
        ['lerna run start --scope @acme/api', 'start', 'index.js'],
        ['npm run build && NODE_ENV=production npm run start -w @acme/api', 'start', 'index.js'],
        ['turbo run start --filter=@acme/api...', 'start', 'index.js'],
        ['pnpm --filter ./services/api start', 'start', 'index.js'],
        ['pnpm --filter "{services/api}" start', 'start', 'index.js'],
    ];
    for (const [start, script, file] of forms) {
        it(`${start} → services/api scripts.${script}`, async () => {
            const app = detected(await detectFiles(monorepo(start))).app;
            assert.equal(app?.root, 'services/api');
            assert.deepEqual(app?.startCommand?.value, ['node', file]);
            assert.deepEqual(app?.startCommand?.at, {
                file: 'services/api/package.json',
                line: script === 'start' ? 4 : 5,
            });
            assert.match(
                app?.startCommand?.how ?? '',
                new RegExp(`^services/api/package\\.json scripts\\.${script}, which the root's start script`),
            );
            assert.equal(app?.framework?.value, 'express');
            assert.deepEqual(
                app?.ports.map((port) => [port.value, port.at?.file]),
                [[script === 'start' ? 4100 : 4200, `services/api/${file}`]],
            );
            assert.deepEqual(app?.workspacePackages, ['apps/web']);
        });
    }

    it('a root start that runs another root script which delegates: followed through the root scripts', async () => {
        const tree = monorepo('npm run start:api');
        tree['package.json'] = packageJson({
            name: 'root',
            private: true,
            workspaces: ['apps/*', 'services/*'],
            scripts: { start: 'npm run start:api', 'start:api': 'yarn workspace @acme/api run serve' },
        });
        const app = detected(await detectFiles(tree)).app;
        assert.equal(app?.root, 'services/api');
        assert.deepEqual(app?.startCommand?.value, ['node', 'serve.js']);
        assert.match(app?.startCommand?.how ?? '', /`yarn workspace @acme\/api run serve`/);
    });

    it('a package a nx project is named by its folder when its package.json has no name', async () => {
        const app = detected(
            await detectFiles(
                monorepo('nx serve admin', {
                    'apps/admin/package.json': JSON.stringify({ scripts: { serve: 'node main.js' } }),
                    'apps/admin/main.js': "require('http').createServer().listen(4300);\n",
                }),
            ),
        ).app;
        assert.equal(app?.root, 'apps/admin');
        assert.deepEqual(
            app?.ports.map((port) => port.value),
            [4300],
        );
    });

    it('a name that is no workspace package, a script it lacks, several packages or a run over all: the usual choice', async () => {
        for (const start of [
            'npm run start -w @acme/missing',
            'pnpm --filter @acme/api preview',
            'npm start -w @acme/api -w web',
            'turbo run start',
            'npm run start --workspaces',
            'nx run-many -t serve',
        ]) {
            const app = detected(await detectFiles(monorepo(start))).app;
            // apps/ first, as before: the web app.
            assert.equal(app?.root, 'apps/web', start);
        }
    });
});
