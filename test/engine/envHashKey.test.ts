import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { silentLogger } from '../../src/core/Logger';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import { hashEnvValue } from '../../src/core/snapshot/hashEnvValue';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { EngineClient } from '../../src/engine/EngineClient';
import { probeContainer } from '../../src/targets/container/probeContainer';
import { captureHost } from '../../src/targets/host/captureHost';
import { probeImage } from '../../src/targets/image/probeImage';
import { dockerCli } from '../support/dockerCli';
import { leftoverProbeContainers } from './probeTestImages';
import { requireEngine } from './requireEngine';

const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);
const KEY = EnvHashKey.generate();
const NAME = 'PARITY_KEYED_FLAG';
// A value anyone would guess: exactly what keyed hashes are for.
const VALUE = 'true';
const BASES = {
    debian: 'debian:bookworm-slim',
    busybox: 'busybox:latest',
    musl: 'parity-testbed/musl:latest',
} as const;
const tagOf = (base: string): string => `parity-test/env-key-${base}:latest`;
const NO_SHELL = tagOf('no-shell');
const RUNNING = 'parity-test-env-key-running';
const probeOptions = { log: silentLogger, toolVersion: '0.0.0-test', envKey: KEY };

function build(tag: string, dockerfile: string): void {
    const context = mkdtempSync(join(tmpdir(), 'parity-env-key-image-'));
    try {
        writeFileSync(join(context, 'Dockerfile'), dockerfile);
        dockerCli(['build', '--quiet', '--tag', tag, context], {
            ...process.env,
            DOCKER_HOST: '',
            DOCKER_BUILDKIT: '0',
        });
    } finally {
        rmSync(context, { recursive: true, force: true });
    }
}

function assertKeyed(snapshot: Snapshot, where: string): void {
    assert.equal(snapshot.meta.envKey, KEY.id, `${where}: the key id is in meta`);
    assert.equal(snapshot.env[NAME]?.sha256, hashEnvValue(KEY, NAME, VALUE), `${where}: keyed hash of the value`);
    assert.notEqual(
        snapshot.env[NAME]?.sha256,
        createHash('sha256').update(`${NAME}=${VALUE}`).digest('hex'),
        `${where}: not the guessable plain hash`,
    );
    assert.ok(
        !JSON.stringify(snapshot).includes(KEY.revealHex()),
        `${where}: the key itself is nowhere in the snapshot`,
    );
}

describe('keyed env hashes across host, images and a container', () => {
    before(async () => {
        await requireEngine();
        for (const [name, base] of Object.entries(BASES)) {
            build(tagOf(name), `FROM ${base}\nENV ${NAME}=${VALUE}\n`);
        }
        build(
            NO_SHELL,
            `FROM busybox:latest AS busybox\nFROM scratch\nCOPY --from=busybox /bin/busybox /busybox\nENV ${NAME}=${VALUE}\n`,
        );
        dockerCli(['rm', '--force', RUNNING]);
        dockerCli([
            'run',
            '--detach',
            '--name',
            RUNNING,
            '--network',
            'none',
            '--env',
            `${NAME}=${VALUE}`,
            'debian:bookworm-slim',
            'sleep',
            '600',
        ]);
    });
    after(() => {
        dockerCli(['rm', '--force', RUNNING]);
        dockerCli(['image', 'rm', '--force', ...Object.keys(BASES).map(tagOf), NO_SHELL]);
    });

    it('one key: the same value hashes equal on the host, in debian, busybox, musl and shell-less images, and in a running container', async () => {
        const project = mkdtempSync(join(tmpdir(), 'parity-env-key-host-'));
        try {
            assertKeyed(
                await captureHost(project, { ...probeOptions, env: { ...process.env, [NAME]: VALUE } }),
                'host',
            );
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
        for (const name of Object.keys(BASES)) {
            const snapshot = await probeImage(client, tagOf(name), probeOptions);
            assertKeyed(snapshot, name);
            assert.ok(
                !snapshot.issues.some((issue) => /hash key/.test(issue.message)),
                `${name}: the key reached the probe`,
            );
        }
        assertKeyed(await probeImage(client, NO_SHELL, probeOptions), 'no shell');
        assertKeyed(await probeContainer(client, RUNNING, probeOptions), 'container');
        assert.deepEqual(leftoverProbeContainers(), []);
    });

    it("the key is kept in no engine record: not in the probe container's config or the exec's", async () => {
        await probeContainer(client, RUNNING, probeOptions);
        assert.ok(!dockerCli(['inspect', RUNNING]).includes(KEY.revealHex()));
    });

    it('another key: another hash for the same value', async () => {
        const other = EnvHashKey.generate();
        const snapshot = await probeImage(client, tagOf('busybox'), { ...probeOptions, envKey: other });
        assert.equal(snapshot.meta.envKey, other.id);
        assert.equal(snapshot.env[NAME]?.sha256, hashEnvValue(other, NAME, VALUE));
        assert.notEqual(snapshot.env[NAME]?.sha256, hashEnvValue(KEY, NAME, VALUE));
    });

    it("without a key: the user's own key, created 0600 in the config folder and reused, so saved snapshots compare", async () => {
        const config = mkdtempSync(join(tmpdir(), 'parity-env-key-config-'));
        const saved = process.env.XDG_CONFIG_HOME;
        process.env.XDG_CONFIG_HOME = config;
        try {
            const first = await probeImage(client, tagOf('debian'), { log: silentLogger, toolVersion: '0.0.0-test' });
            const keyFile = join(config, 'parity', 'env-hash.key');
            assert.equal(statSync(keyFile).mode & 0o777, 0o600);
            const second = await probeContainer(client, RUNNING, { log: silentLogger, toolVersion: '0.0.0-test' });
            assert.match(first.meta.envKey ?? '', /^[0-9a-f]{16}$/);
            assert.equal(second.meta.envKey, first.meta.envKey);
            assert.equal(second.env[NAME]?.sha256, first.env[NAME]?.sha256);
            assert.notEqual(first.meta.envKey, KEY.id);
        } finally {
            if (saved === undefined) {
                delete process.env.XDG_CONFIG_HOME;
            } else {
                process.env.XDG_CONFIG_HOME = saved;
            }
            rmSync(config, { recursive: true, force: true });
        }
    });
});
