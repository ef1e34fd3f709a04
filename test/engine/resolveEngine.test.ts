import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { dockerCli } from '../support/dockerCli';
import { requireEngine } from './requireEngine';

describe("resolveEngine reads the Docker CLI's own contexts", () => {
    const configDir = mkdtempSync(join(tmpdir(), 'parity-docker-config-'));
    const env = { DOCKER_CONFIG: configDir };

    before(async () => {
        await requireEngine();
        // The real CLI writes the context files, so the reader is checked against Docker's format, not ours.
        dockerCli(['context', 'create', 'parity-lab', '--docker', 'host=unix:///var/run/docker.sock'], {
            ...process.env,
            ...env,
            DOCKER_HOST: '',
        });
        dockerCli(['context', 'use', 'parity-lab'], { ...process.env, ...env, DOCKER_HOST: '' });
    });
    after(() => rmSync(configDir, { recursive: true, force: true }));

    it('uses the current context and can talk to it', async () => {
        const selection = await resolveEngine(undefined, env);
        assert.equal(selection.source, 'Docker context "parity-lab"');
        assert.deepEqual(selection.address, { kind: 'unix', path: '/var/run/docker.sock' });
        const status = await new EngineClient(selection, { log: silentLogger }).status();
        assert.equal(status.source, 'Docker context "parity-lab"');
    });

    it('DOCKER_HOST beats the context, and an explicit override beats both', async () => {
        assert.equal(
            (await resolveEngine(undefined, { ...env, DOCKER_HOST: 'tcp://127.0.0.1:1' })).source,
            'DOCKER_HOST',
        );
        const override = await resolveEngine(
            { value: 'unix:///x.sock', source: 'the parity.docker.host setting' },
            { ...env, DOCKER_HOST: 'tcp://127.0.0.1:1' },
        );
        assert.equal(override.source, 'the parity.docker.host setting');
    });

    it('an unknown DOCKER_CONTEXT and a malformed address are config errors, not crashes', async () => {
        await assert.rejects(
            resolveEngine(undefined, { ...env, DOCKER_CONTEXT: 'nope' }),
            (error: unknown) =>
                error instanceof EngineError &&
                error.kind === 'config' &&
                /Docker context "nope".*Known contexts: parity-lab/.test(error.message),
        );
        await assert.rejects(
            resolveEngine(undefined, { ...env, DOCKER_HOST: 'ftp://x' }),
            (error: unknown) =>
                error instanceof EngineError &&
                error.kind === 'config' &&
                error.message.includes('"ftp://x" is not a Docker engine address'),
        );
    });
});
