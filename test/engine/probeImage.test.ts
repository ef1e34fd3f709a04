import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import { type Logger, silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { hashEnvValue } from '../../src/core/snapshot/hashEnvValue';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { probeImage } from '../../src/targets/image/probeImage';
import { dockerCli } from '../support/dockerCli';
import {
    assertMatchesSchema,
    buildTestImages,
    DISTINCTIVE_VALUE,
    ENV_IMAGE,
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
async function probe(ref: string, timeoutMs?: number): Promise<Snapshot> {
    const snapshot = await probeImage(client, ref, {
        log: silentLogger,
        toolVersion: '0.0.0-test',
        envKey: KEY,
        ...(timeoutMs ? { timeoutMs } : {}),
    });
    assertMatchesSchema(snapshot);
    return snapshot;
}

/** What the image itself says, asked with the docker CLI as an independent witness. */
const inImage = (image: string, command: string): string =>
    dockerCli(['run', '--rm', '--network', 'none', '--entrypoint', '/bin/sh', image, '-c', command]);

describe('probeImage against the real engine', () => {
    before(async () => {
        await requireEngine();
        buildTestImages();
    });
    after(() => {
        removeTestImages();
        assert.deepEqual(leftoverProbeContainers(), [], 'no probe container is left behind');
    });

    it('debian:bookworm-slim: Debian 12, glibc, every dpkg package', async () => {
        const snapshot = await probe('debian:bookworm-slim');
        assert.deepEqual(snapshot.meta.source, {
            kind: 'image',
            ref: 'debian:bookworm-slim',
            id: dockerCli(['image', 'inspect', '--format', '{{.Id}}', 'debian:bookworm-slim']),
        });
        assert.deepEqual(snapshot.meta.tool, { name: 'parity', version: '0.0.0-test' });
        assert.ok(!Number.isNaN(Date.parse(snapshot.meta.capturedAt)));
        assert.deepEqual(snapshot.platform.distro, {
            id: 'debian',
            versionId: '12',
            prettyName: 'Debian GNU/Linux 12 (bookworm)',
        });
        assert.deepEqual(snapshot.platform.libc, {
            family: 'glibc',
            version: inImage('debian:bookworm-slim', 'getconf GNU_LIBC_VERSION').replace('glibc ', ''),
        });
        assert.equal(
            snapshot.platform.arch,
            dockerCli(['image', 'inspect', '--format', '{{.Architecture}}', 'debian:bookworm-slim']),
        );
        const dpkg: Record<string, string> = {};
        for (const line of inImage('debian:bookworm-slim', "dpkg-query -W -f '${Package} ${Version}\\n'").split('\n')) {
            const [name = '', version = ''] = line.split(' ');
            dpkg[name] = version;
        }
        assert.deepEqual(snapshot.systemPackages, { manager: 'dpkg', packages: dpkg });
        assert.equal(snapshot.env.HOSTNAME, undefined, "the throwaway container's random hostname is not the image's");
        assert.deepEqual(Object.keys(snapshot.env), ['HOME', 'PATH']);
        assert.deepEqual(snapshot.app?.startCommand, { value: ['bash'], how: 'image config Entrypoint + Cmd' });
        assert.deepEqual(snapshot.issues, []);
    });

    it('busybox:latest: static BusyBox, no C library and no package database, said honestly', async () => {
        const snapshot = await probe('busybox:latest');
        assert.deepEqual(snapshot.platform.libc, { family: 'none', version: null });
        assert.equal(snapshot.systemPackages, null);
        assert.deepEqual(snapshot.runtimes, {});
        assert.deepEqual(snapshot.packageManagers, []);
        assert.match(
            snapshot.issues.map((issue) => issue.message).join('\n'),
            /No C library found .*statically linked/,
        );
        assert.equal(snapshot.filesystem.caseSensitive, true);
        assert.equal(snapshot.umask, '0022');
    });

    it('parity-testbed/musl:latest: musl and its version', async () => {
        const snapshot = await probe('parity-testbed/musl:latest');
        const banner = inImage('parity-testbed/musl:latest', '/lib/ld-musl-x86_64.so.1 2>&1 || true');
        assert.deepEqual(snapshot.platform.libc, { family: 'musl', version: /Version (\S+)/.exec(banner)?.[1] });
        assert.equal(snapshot.platform.libc.version, '1.2.3');
        assert.equal(snapshot.platform.distro?.id, 'parity-musl');
        assert.deepEqual(snapshot.issues, []);
    });

    it('node:20.20.2-bookworm-slim: node 20.20.2 and the npm it ships', async () => {
        const snapshot = await probe('node:20.20.2-bookworm-slim');
        assert.deepEqual(snapshot.runtimes.node, {
            declared: [],
            installed: { version: '20.20.2', path: '/usr/local/bin/node', manager: 'image' },
        });
        const npm = snapshot.packageManagers.find((manager) => manager.name === 'npm');
        assert.equal(npm?.installed, inImage('node:20.20.2-bookworm-slim', 'npm --version'));
        assert.equal(npm?.ecosystem, 'node');
        assert.deepEqual(snapshot.app?.startCommand?.value, ['docker-entrypoint.sh', 'node']);
    });

    it('python:3.12.1-slim-bookworm: python 3.12.1 and pip', async () => {
        const snapshot = await probe('python:3.12.1-slim-bookworm');
        assert.equal(snapshot.runtimes.python?.installed?.version, '3.12.1');
        const pip = snapshot.packageManagers.find((manager) => manager.name === 'pip');
        assert.equal(pip?.installed, /^pip (\S+)/.exec(inImage('python:3.12.1-slim-bookworm', 'pip --version'))?.[1]);
        assert.equal(snapshot.locale.encoding, 'UTF-8');
    });

    it('an environment value never appears in the snapshot, only its hash', async () => {
        const snapshot = await probe(ENV_IMAGE);
        const json = JSON.stringify(snapshot);
        assert.ok(!json.includes(DISTINCTIVE_VALUE), 'the value leaked into the snapshot');
        assert.deepEqual(snapshot.env.PARITY_PROBE_TOKEN, {
            sha256: hashEnvValue(KEY, 'PARITY_PROBE_TOKEN', DISTINCTIVE_VALUE),
            secret: true,
            source: 'image',
        });
        assert.deepEqual(snapshot.timezone, { name: 'Etc/UTC', tzVar: 'Etc/UTC', offsetMinutes: 0 });
    });

    it('a FROM scratch image without a shell: the image config and files, and an issue that says so', async () => {
        const snapshot = await probe(SCRATCH_IMAGE);
        assert.equal(snapshot.issues[0]?.severity, 'warning');
        assert.match(snapshot.issues[0]?.message ?? '', /has no \/bin\/sh\. Parity read the image config and files/);
        assert.deepEqual(snapshot.platform.distro, {
            id: 'parity-scratch',
            versionId: '0.1',
            prettyName: 'Parity scratch test',
        });
        assert.deepEqual(snapshot.platform.libc, { family: 'none', version: null });
        assert.equal(snapshot.platform.arch, 'amd64');
        assert.deepEqual(snapshot.user, { uid: 1000, gid: 1000, name: 'app', home: '/home/app' });
        assert.deepEqual(Object.keys(snapshot.env), ['APP_SECRET', 'HOME', 'LANG', 'PATH']);
        assert.equal(snapshot.env.HOME?.sha256, hashEnvValue(KEY, 'HOME', '/home/app'));
        assert.ok(!JSON.stringify(snapshot).includes(DISTINCTIVE_VALUE));
        assert.equal(snapshot.locale.encoding, 'UTF-8');
        assert.deepEqual(snapshot.app?.startCommand?.value, ['/busybox', 'httpd', '-f', '-p', '8080']);
        assert.deepEqual(snapshot.app?.ports, [{ value: 8080, how: 'image config ExposedPorts' }]);
        assert.deepEqual(snapshot.runtimes, {});
        assert.equal(snapshot.umask, null);
    });

    it('an image that is not there: one clear error naming it', async () => {
        await assert.rejects(probe('parity-test/no-such-image:1'), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.equal(error.statusCode, 404);
            assert.equal(
                error.message,
                'Image parity-test/no-such-image:1 is not on the engine at unix:///var/run/docker.sock. Build it or pull it there (docker pull parity-test/no-such-image:1), then probe again.',
            );
            return true;
        });
    });

    it('a probe cancelled while its container runs still removes the container', async () => {
        const controller = new AbortController();
        let aborted = false;
        // The engine client logs each request as it goes out: cancel right when the container is being run.
        const log: Logger = {
            ...silentLogger,
            debug: (message: string) => {
                if (message.startsWith('docker → running a throwaway container')) {
                    aborted = true;
                    controller.abort();
                }
            },
        };
        const watched = new EngineClient(
            { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
            { log },
        );
        await assert.rejects(
            probeImage(watched, 'debian:bookworm-slim', { log, toolVersion: '0.0.0-test', signal: controller.signal }),
            (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
        );
        assert.ok(aborted);
        assert.deepEqual(leftoverProbeContainers(), []);
    });

    it('a probe that runs out of time fails as a timeout and removes its container', async () => {
        await assert.rejects(
            probe('debian:bookworm-slim', 1),
            (error: unknown) => error instanceof EngineError && error.kind === 'timeout',
        );
        assert.deepEqual(leftoverProbeContainers(), []);
    });
});
