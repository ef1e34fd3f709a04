import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { dockerCli } from '../support/dockerCli';
import { closedPort } from '../support/ports';
import { runParity, type ParityRun } from '../support/runParity';
import {
    AUTH_REGISTRY,
    AUTH_USER,
    authRegistryPassword,
    deleteFromRegistry,
    type ForeignImage,
    probeContainersFrom,
    pushForeignImage,
    REGISTRY,
    requireRegistries,
} from './registryTestImages';
import { requireEngine } from './requireEngine';

const RUN = `${process.pid}`;
const LOCAL = { DOCKER_HOST: '' };

/** A failed CLI run: exit 2, one line on stderr that names the target, no stack trace, nothing on stdout. */
function assertOneClearLine(result: ParityRun, target: string, pattern: RegExp): void {
    assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
    assert.ok(lines[0]?.startsWith(`parity: ${target}: `), `the line names the target ${target}: ${lines[0]}`);
    assert.match(lines[0] ?? '', pattern);
    assert.equal(result.stdout, '');
}

function snapshotOf(result: ParityRun): Snapshot {
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Snapshot;
}

/** The engine's tags of a repository: what a run must not leave behind. */
function tagsOf(repository: string): string {
    return dockerCli(['images', '--format', '{{.Repository}}:{{.Tag}}', repository]);
}

/** A Docker config folder (a space in its path) whose auths hold `password` for the login registry. */
function dockerConfigWith(password: string): string {
    const folder = mkdtempSync(join(tmpdir(), 'parity docker config '));
    const auth = Buffer.from(`${AUTH_USER}:${password}`).toString('base64');
    writeFileSync(join(folder, 'config.json'), JSON.stringify({ auths: { [`http://${AUTH_REGISTRY}`]: { auth } } }), {
        mode: 0o600,
    });
    return folder;
}

describe("registry:REF (the built CLI, the test bed's real registries, the real engine)", () => {
    const busybox = `${REGISTRY}/parity-test/busybox-${RUN}:1`;
    const guarded = `${AUTH_REGISTRY}/parity-test/busybox-${RUN}:1`;
    let arm64: ForeignImage;
    let lying: ForeignImage;
    let config: string;

    before(async () => {
        await requireEngine();
        await requireRegistries();
        config = dockerConfigWith(authRegistryPassword());
        for (const [ref, env] of [
            [busybox, {}],
            [guarded, { DOCKER_CONFIG: config }],
        ] as const) {
            dockerCli(['tag', 'busybox:latest', ref]);
            dockerCli(['push', '-q', ref], { ...process.env, DOCKER_HOST: '', ...env });
            dockerCli(['rmi', ref]);
        }
        arm64 = await pushForeignImage(`parity-test/arm64-${RUN}`, '1');
        lying = await pushForeignImage(`parity-test/lying-${RUN}`, '1', 'amd64');
    });
    after(async () => {
        rmSync(config, { recursive: true, force: true });
        await Promise.all([deleteFromRegistry(arm64), deleteFromRegistry(lying)]);
    });

    it('pulls the image with the engine, probes it, and removes what it pulled', () => {
        const snapshot = snapshotOf(runParity(['snapshot', '--target', `registry:${busybox}`], { env: LOCAL }));
        assert.equal(snapshot.meta.source.ref, busybox);
        assert.equal(snapshot.platform.arch, 'amd64');
        assert.ok(snapshot.env.PATH, "the probe ran: the image's env is there");
        assert.ok(
            snapshot.issues.some((issue) =>
                /Pulled from registry 127\.0\.0\.1:\d+ .*removed from the engine again/.test(issue.message),
            ),
            JSON.stringify(snapshot.issues),
        );
        assert.equal(tagsOf(busybox.replace(/:1$/, '')), '', 'the image Parity pulled is gone again');
        assert.equal(
            probeContainersFrom(dockerCli, dockerCli(['image', 'inspect', '-f', '{{.Id}}', 'busybox:latest'])),
            0,
            'no throwaway container is left',
        );
    });

    it('leaves an image that was there before, and keeps a pulled one with --keep-pulled', () => {
        const repository = busybox.replace(/:1$/, '');
        try {
            dockerCli(['pull', '-q', busybox]);
            snapshotOf(runParity(['snapshot', '--target', `registry:${busybox}`], { env: LOCAL }));
            assert.equal(tagsOf(repository), busybox, "the user's own copy stays");
            dockerCli(['rmi', busybox]);
            snapshotOf(runParity(['snapshot', '--target', `registry:${busybox}`, '--keep-pulled'], { env: LOCAL }));
            assert.equal(tagsOf(repository), busybox, 'kept as asked');
        } finally {
            dockerCli(['rmi', '--force', busybox]);
        }
    });

    it("uses the Docker config's credentials for a registry that asks for a login", () => {
        const snapshot = snapshotOf(
            runParity(['snapshot', '--target', `registry:${guarded}`], { env: { ...LOCAL, DOCKER_CONFIG: config } }),
        );
        assert.equal(snapshot.meta.source.ref, guarded);
        assert.equal(tagsOf(guarded.replace(/:1$/, '')), '');
    });

    it('an image for another architecture: its config and files are compared, nothing in it runs, and the snapshot says why', () => {
        const snapshot = snapshotOf(runParity(['snapshot', '--target', `registry:${arm64.ref}`], { env: LOCAL }));
        assert.equal(snapshot.platform.arch, 'arm64');
        assert.equal(snapshot.platform.distro?.id, 'debian');
        assert.deepEqual(snapshot.user, { uid: 1000, gid: 1000, name: 'app', home: '/srv' });
        assert.equal(snapshot.app?.workingDir, '/srv');
        assert.deepEqual(
            snapshot.app?.ports.map((port) => port.value),
            [8080],
        );
        assert.deepEqual(snapshot.app?.startCommand?.value, ['/bin/sh', '-c', 'exec serve']);
        assert.deepEqual(Object.keys(snapshot.env).sort(), ['API_TOKEN', 'APP_MODE', 'HOME', 'PATH']);
        assert.equal(snapshot.env.API_TOKEN?.secret, true);
        assert.doesNotMatch(JSON.stringify(snapshot), /not-a-real-secret/, 'env values are hashed, never stored');
        assert.deepEqual(snapshot.runtimes, {});
        assert.deepEqual(snapshot.limits, { nofile: null, nproc: null });
        assert.match(
            snapshot.issues[0]?.message ?? '',
            /is built for linux\/arm64 and the engine at unix:\/\/\/var\/run\/docker\.sock runs linux\/amd64: nothing in it can run there/,
        );
        assert.equal(tagsOf(arm64.ref.replace(/:1$/, '')), '');
        assert.equal(probeContainersFrom(dockerCli, arm64.id), 0, 'no container is left (none was started)');
    });

    it("an image whose config claims the engine's platform but whose programs are for another: exec format error, read the same way", () => {
        const snapshot = snapshotOf(runParity(['snapshot', '--target', `registry:${lying.ref}`], { env: LOCAL }));
        assert.match(
            snapshot.issues[0]?.message ?? '',
            /built for another machine than the engine at .* exec format error/,
        );
        assert.equal(snapshot.user?.name, 'app');
        assert.equal(tagsOf(lying.ref.replace(/:1$/, '')), '');
        assert.equal(probeContainersFrom(dockerCli, lying.id), 0);
    });

    it('by digest: pulled, probed and removed the same way', () => {
        const ref = `${arm64.ref.replace(/:1$/, '')}@${arm64.digest}`;
        const snapshot = snapshotOf(runParity(['snapshot', '--target', `registry:${ref}`], { env: LOCAL }));
        assert.equal(snapshot.meta.source.ref, ref);
        assert.equal(snapshot.meta.source.id, arm64.id);
        assert.ok(
            !dockerCli(['images', '-q', '--no-trunc']).split('\n').includes(arm64.id),
            'the image is gone from the engine',
        );
    });

    it('EngineClient.pullImage reports progress and can be cancelled, leaving no tag', async () => {
        const client = new EngineClient(await resolveEngine(undefined, LOCAL), { log: silentLogger, env: LOCAL });
        const cancelled = new AbortController();
        cancelled.abort();
        await assert.rejects(
            client.pullImage(arm64.ref, { signal: cancelled.signal }),
            (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
        );
        assert.equal(tagsOf(arm64.ref.replace(/:1$/, '')), '');
        const progress: string[] = [];
        await client.pullImage(arm64.ref, { onProgress: (line) => progress.push(line.status ?? '') });
        try {
            assert.ok(
                progress.some((status) =>
                    /Pull complete|Already exists|Downloaded newer image|Image is up to date/.test(status),
                ),
                progress.join(' | '),
            );
        } finally {
            await client.removeImage(arm64.ref);
        }
    });

    describe('bad input: one line naming the target, exit 2, nothing left behind', () => {
        const check = (ref: string, pattern: RegExp, env: NodeJS.ProcessEnv = {}): void => {
            assertOneClearLine(
                runParity(['snapshot', '--target', `registry:${ref}`], { env: { ...LOCAL, ...env } }),
                `registry:${ref}`,
                pattern,
            );
            const repository = ref.replace(/:[^:/]*$/, '');
            if (!/\s|[A-Z]|\/\//.test(repository)) {
                assert.equal(tagsOf(repository), '', 'no tag is left behind');
            }
            // A pull that fails creates nothing: no image, so no container can have been made from one.
        };

        it('a repository the registry does not have', () => {
            check(
                `${REGISTRY}/parity-test/never-pushed-${RUN}:1`,
                /No image 127\.0\.0\.1:\d+\/parity-test\/never-pushed-\d+:1 in registry 127\.0\.0\.1:\d+ /,
            );
        });

        it('a tag the registry does not have', () => {
            check(busybox.replace(/:1$/, ':2'), /No image \S+:2 in registry 127\.0\.0\.1:\d+ /);
        });

        it('a registry that answers 401: no credentials, or wrong ones', () => {
            check(
                guarded,
                /Registry 127\.0\.0\.1:\d+ wants a login and the Docker config .* holds none for it; log in with: docker login 127\.0\.0\.1:\d+/,
                { DOCKER_CONFIG: join(tmpdir(), `parity-no-docker-config-${RUN}`) },
            );
            const wrong = dockerConfigWith('not-the-password');
            try {
                check(guarded, /Registry 127\.0\.0\.1:\d+ refused the credentials saved for it/, {
                    DOCKER_CONFIG: wrong,
                });
            } finally {
                rmSync(wrong, { recursive: true, force: true });
            }
        });

        it('a registry nothing answers at', async () => {
            const port = await closedPort();
            check(
                `127.0.0.1:${port}/parity-test/x:1`,
                new RegExp(
                    `Registry 127\\.0\\.0\\.1:${port} is not reachable from the engine at unix:///var/run/docker\\.sock`,
                ),
            );
        });

        it('a malformed reference (checked before the engine is asked)', () => {
            check(`${REGISTRY}/Parity-Test//x:1`, /is not a valid image name: .*"Parity-Test" must be lowercase/);
            check(`${REGISTRY}/parity-test/x:-bad`, /is not a valid image name: the tag "-bad"/);
        });
    });
});
