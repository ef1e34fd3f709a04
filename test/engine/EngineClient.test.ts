import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { dockerCli } from '../support/dockerCli';
import { requireEngine } from './requireEngine';
import { closedPort, silentServer } from '../support/ports';

const local = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);

function clientFor(address: string, timeoutMs = 10_000): EngineClient {
    return new EngineClient(
        { address: parseEngineAddress(address), source: 'DOCKER_HOST' },
        { log: silentLogger, timeoutMs },
    );
}

describe('EngineClient against the real engine', () => {
    before(requireEngine);

    it('reports the same engine as the docker CLI', async () => {
        const status = await local.status();
        const [version, api, os, arch] = dockerCli([
            'version',
            '--format',
            '{{.Server.Version}} {{.Server.APIVersion}} {{.Server.Os}} {{.Server.Arch}}',
        ]).split(' ');
        assert.equal(status.engineVersion, version);
        assert.equal(status.apiVersion, api);
        assert.equal(status.osType, os);
        assert.equal(status.arch === 'x86_64' ? 'amd64' : status.arch, arch);
        assert.equal(status.cpus, Number(dockerCli(['info', '--format', '{{.NCPU}}'])));
        assert.equal(status.buildkit, true, 'a Linux engine with API >= 1.39 builds with BuildKit');
        assert.ok(status.pingMs >= 0 && status.pingMs < 5000);
    });

    it('lists the images and containers the docker CLI lists', async () => {
        const images = await local.listImages();
        const cliImageIds = new Set(dockerCli(['image', 'ls', '-q', '--no-trunc']).split('\n').filter(Boolean));
        assert.deepEqual(new Set(images.map((image) => image.Id)), cliImageIds);
        const containers = await local.listContainers();
        const cliContainerIds = new Set(dockerCli(['ps', '-a', '-q', '--no-trunc']).split('\n').filter(Boolean));
        assert.deepEqual(new Set(containers.map((container) => container.Id)), cliContainerIds);
    });
});

describe('EngineClient when the engine is not there', () => {
    it('a closed port gives one clear "not reachable" error naming the address and its source', async () => {
        const port = await closedPort();
        const started = performance.now();
        await assert.rejects(clientFor(`tcp://127.0.0.1:${port}`).status(), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.equal(error.kind, 'unreachable');
            assert.equal(error.address, `tcp://127.0.0.1:${port}`);
            assert.match(
                error.message,
                new RegExp(
                    `^Docker is not reachable at tcp://127\\.0\\.0\\.1:${port} \\(from DOCKER_HOST\\) — is it running\\?`,
                ),
            );
            assert.match(error.message, /Start Docker Desktop or the Docker service/);
            return true;
        });
        assert.ok(performance.now() - started < 5000, 'a refused connection fails at once, not after the timeout');
    });

    it('a missing socket file is "not reachable" too', async () => {
        await assert.rejects(
            clientFor('unix:///tmp/parity-no-such.sock').status(),
            (error: unknown) =>
                error instanceof EngineError &&
                error.kind === 'unreachable' &&
                error.message.includes('unix:///tmp/parity-no-such.sock'),
        );
    });

    it('an engine that never answers times out instead of hanging', async () => {
        const server = await silentServer();
        try {
            await assert.rejects(
                clientFor(`tcp://127.0.0.1:${server.port}`, 400).status(),
                (error: unknown) =>
                    error instanceof EngineError &&
                    error.kind === 'timeout' &&
                    error.message.includes('within 0.4 s') &&
                    error.message.includes(`tcp://127.0.0.1:${server.port}`),
            );
        } finally {
            await server.close();
        }
    });

    it('cancellation stops a pending call with a "cancelled" error', async () => {
        const server = await silentServer();
        try {
            const controller = new AbortController();
            const pending = clientFor(`tcp://127.0.0.1:${server.port}`).status(controller.signal);
            setTimeout(() => controller.abort(), 100);
            await assert.rejects(
                pending,
                (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
            );
        } finally {
            await server.close();
        }
    });
});
