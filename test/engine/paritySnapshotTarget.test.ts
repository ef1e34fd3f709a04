import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { dockerCli } from '../support/dockerCli';
import { closedPort } from '../support/ports';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const RUNNING = 'parity-test-cli-target';

describe('parity snapshot --target (the built CLI, real engine)', () => {
    before(async () => {
        await requireEngine();
        dockerCli(['rm', '--force', RUNNING]);
        dockerCli([
            'run',
            '-d',
            '--name',
            RUNNING,
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=test',
            'node:20.20.2-bookworm-slim',
            'sleep',
            '300',
        ]);
    });
    after(() => {
        dockerCli(['rm', '--force', RUNNING]);
    });

    it('image:REF probes the image', () => {
        const result = runParity(['snapshot', '--target', 'image:python:3.12.1-slim-bookworm'], {
            env: { DOCKER_HOST: '' },
        });
        assert.equal(result.code, 0, result.stderr);
        const snapshot = JSON.parse(result.stdout) as Snapshot;
        assert.equal(snapshot.meta.source.kind, 'image');
        assert.equal(snapshot.runtimes.python?.installed?.version, '3.12.1');
    });

    it('container:NAME probes a running container', () => {
        const result = runParity(['snapshot', '--target', `container:${RUNNING}`, '--format', 'text'], {
            env: { DOCKER_HOST: '' },
        });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^Snapshot of parity-test-cli-target \(container\)/);
        assert.match(result.stdout, /^node\s+20\.20\.2 \(container, \/usr\/local\/bin\/node\)$/m);
    });

    it('a container that does not exist, or no engine: exit 2 with one clear line', async () => {
        const missing = runParity(['snapshot', '--target', 'container:parity-no-such-container'], {
            env: { DOCKER_HOST: '' },
        });
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /parity-no-such-container/);
        assert.doesNotMatch(missing.stderr, /\n\s+at /);
        const port = await closedPort();
        const down = runParity(['snapshot', '--target', 'image:debian:bookworm-slim'], {
            env: { DOCKER_HOST: `tcp://127.0.0.1:${port}` },
        });
        assert.equal(down.code, 2);
        assert.match(down.stderr, /^parity: Docker is not reachable at tcp:\/\/127\.0\.0\.1:\d+ \(from DOCKER_HOST\)/);
    });
});
