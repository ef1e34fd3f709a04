import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { hashEnvValue } from '../../src/core/snapshot/hashEnvValue';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { probeContainer } from '../../src/targets/container/probeContainer';
import { dockerCli } from '../support/dockerCli';
import {
    assertMatchesSchema,
    buildTestImages,
    DISTINCTIVE_VALUE,
    leftoverProbeContainers,
    removeTestImages,
    SCRATCH_IMAGE,
} from './probeTestImages';
import { requireEngine } from './requireEngine';

const KEY = EnvHashKey.generate();

const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);
async function probe(name: string): Promise<Snapshot> {
    const snapshot = await probeContainer(client, name, { log: silentLogger, toolVersion: '0.0.0-test', envKey: KEY });
    assertMatchesSchema(snapshot);
    return snapshot;
}

const RUNNING = 'parity-test-probe-running';
const EXITED = 'parity-test-probe-exited';
const NO_SHELL = 'parity-test-probe-no-shell';
const ALL = [RUNNING, EXITED, NO_SHELL];

const state = (name: string): { Running: boolean; StartedAt: string; Pid: number; RestartCount: number } =>
    JSON.parse(dockerCli(['inspect', '--format', '{{json .State}}', name])) as {
        Running: boolean;
        StartedAt: string;
        Pid: number;
        RestartCount: number;
    };

describe('probeContainer against the real engine', () => {
    before(async () => {
        await requireEngine();
        buildTestImages();
        dockerCli(['rm', '--force', ...ALL]);
        dockerCli([
            'run',
            '--detach',
            '--name',
            RUNNING,
            '--network',
            'none',
            '--env',
            `PARITY_RUNNING_TOKEN=${DISTINCTIVE_VALUE}`,
            '--workdir',
            '/usr',
            '--entrypoint',
            'sleep',
            'node:20.20.2-bookworm-slim',
            '600',
        ]);
        dockerCli(['create', '--name', EXITED, '--network', 'none', 'busybox:latest', 'sh', '-c', 'exit 3']);
        dockerCli(['start', EXITED]);
        assert.equal(dockerCli(['wait', EXITED]), '3');
        dockerCli(['run', '--detach', '--name', NO_SHELL, '--network', 'none', SCRATCH_IMAGE]);
    });
    after(() => {
        dockerCli(['rm', '--force', ...ALL]);
        removeTestImages();
        assert.deepEqual(leftoverProbeContainers(), []);
    });

    it('a running container is probed with exec, and stays running without a restart', async () => {
        const before = state(RUNNING);
        const snapshot = await probe(RUNNING);
        const afterwards = state(RUNNING);
        assert.equal(afterwards.Running, true);
        assert.equal(afterwards.StartedAt, before.StartedAt, 'not restarted');
        assert.equal(afterwards.Pid, before.Pid);
        assert.equal(afterwards.RestartCount, before.RestartCount);

        assert.deepEqual(snapshot.meta.source, {
            kind: 'container',
            ref: RUNNING,
            id: dockerCli(['inspect', '--format', '{{.Id}}', RUNNING]),
        });
        assert.deepEqual(snapshot.runtimes.node?.installed, {
            version: '20.20.2',
            path: '/usr/local/bin/node',
            manager: 'container',
        });
        assert.equal(snapshot.platform.libc.family, 'glibc');
        assert.equal(
            snapshot.env.PARITY_RUNNING_TOKEN?.sha256,
            hashEnvValue(KEY, 'PARITY_RUNNING_TOKEN', DISTINCTIVE_VALUE),
        );
        assert.equal(snapshot.env.PARITY_RUNNING_TOKEN?.secret, true);
        assert.equal(snapshot.env.PARITY_RUNNING_TOKEN?.source, 'container');
        assert.ok(snapshot.env.HOSTNAME, "a container's hostname is part of its environment");
        assert.ok(!JSON.stringify(snapshot).includes(DISTINCTIVE_VALUE), 'the value leaked into the snapshot');
        assert.deepEqual(snapshot.app?.startCommand, { value: ['sleep', '600'], how: 'container config' });
        assert.deepEqual(snapshot.issues, []);
    });

    it('a stopped container: a clear error, and it is not started', async () => {
        await assert.rejects(probe(EXITED), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.equal(error.kind, 'api');
            assert.match(
                error.message,
                /^Container parity-test-probe-exited is not running \(exited (just now|\d+ seconds? ago|1 minute ago) with code 3\); start it or probe its image with --target image:busybox:latest\.$/,
            );
            return true;
        });
        assert.equal(state(EXITED).Running, false);
    });

    it('a container that does not exist: a clear error naming it', async () => {
        await assert.rejects(probe('parity-test-probe-vanished'), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.equal(error.statusCode, 404);
            assert.match(
                error.message,
                /^There is no container parity-test-probe-vanished on the engine at unix:\/\/\/var\/run\/docker\.sock/,
            );
            return true;
        });
    });

    it('a running container without a shell is read through its config and files', async () => {
        const snapshot = await probe(NO_SHELL);
        assert.equal(state(NO_SHELL).Running, true);
        assert.match(
            snapshot.issues[0]?.message ?? '',
            /^The container parity-test-probe-no-shell has no \/bin\/sh\. Parity read the container config/,
        );
        assert.equal(snapshot.platform.distro?.id, 'parity-scratch');
        assert.equal(snapshot.platform.arch, 'amd64');
        assert.deepEqual(snapshot.user, { uid: 1000, gid: 1000, name: 'app', home: '/home/app' });
        assert.ok(snapshot.env.HOSTNAME, "the container's environment, as the engine keeps it");
        assert.equal(snapshot.env.APP_SECRET?.source, 'container');
        assert.ok(!JSON.stringify(snapshot).includes(DISTINCTIVE_VALUE));
        assert.deepEqual(snapshot.app?.startCommand?.value, ['/busybox', 'httpd', '-f', '-p', '8080']);
    });
});
