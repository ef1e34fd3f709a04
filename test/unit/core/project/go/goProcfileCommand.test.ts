import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { detectProject } from '../../../../../src/core/project/detectProject';
import { nodeProjectFiles } from '../../../../../src/core/project/nodeProjectFiles';
import { EnvHashKey } from '../../../../../src/core/snapshot/EnvHashKey';

async function startOf(
    procfile: string,
    main = 'main.go',
): Promise<{ value: readonly string[]; how: string } | null | undefined> {
    const root = await mkdtemp(join(tmpdir(), 'parity-goproc-'));
    try {
        const tree: Record<string, string> = {
            'go.mod': 'module github.com/acme/getting-started\n\ngo 1.22\n',
            [main]: 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
            Procfile: procfile,
        };
        for (const [path, text] of Object.entries(tree)) {
            await mkdir(dirname(join(root, path)), { recursive: true });
            await writeFile(join(root, path), text);
        }
        const app = (await detectProject(nodeProjectFiles(root), EnvHashKey.generate())).app;
        return app?.startCommand && { value: app.startCommand.value, how: app.startCommand.how };
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

describe("Procfiles written for Heroku's Go buildpack", () => {
    it('bin/<module name> is the root main package: the binary the recipe builds, with the arguments kept', async () => {
        const start = await startOf('web: bin/getting-started -verbose\n');
        assert.deepEqual(start?.value, ['/app/server', '-verbose']);
        assert.match(
            start?.how ?? '',
            /^Procfile web process: bin\/getting-started is the Go buildpack's name for main package \., which the recipe builds as \/app\/server$/,
        );
    });

    it('bin/<folder> of cmd/<folder> is that main package', async () => {
        assert.deepEqual((await startOf('web: ./bin/api\n', 'cmd/api/main.go'))?.value, ['/app/server']);
    });

    it('another binary, or a command that is not a bin/ binary, stays as the Procfile says', async () => {
        assert.deepEqual((await startOf('web: bin/worker\n'))?.value, ['bin/worker']);
        assert.deepEqual((await startOf('web: ./run.sh\n'))?.value, ['./run.sh']);
    });
});
