import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { requireEngine } from './requireEngine';
import { closedPort } from '../support/ports';
import { type ParityRun, runParity } from '../support/runParity';

const parity = (args: string[], env: NodeJS.ProcessEnv = {}): ParityRun => runParity(args, { env });

describe('parity doctor (the built CLI)', () => {
    before(requireEngine);

    it('prints the engine status and exits 0', () => {
        const result = parity(['doctor'], { DOCKER_HOST: '' });
        assert.equal(result.code, 0, result.stderr);
        const version = dockerCli(['version', '--format', '{{.Server.Version}}']);
        assert.match(result.stdout, new RegExp(`^Engine:\\s+${version.replace(/[.+]/g, '\\$&')}$`, 'm'));
        assert.match(result.stdout, /^BuildKit:\s+available$/m);
    });

    it('--json prints one JSON document on stdout and nothing else', () => {
        const result = parity(['doctor', '--json'], { DOCKER_HOST: '' });
        assert.equal(result.code, 0, result.stderr);
        const status = JSON.parse(result.stdout) as { apiVersion: string; address: string };
        assert.equal(status.apiVersion, dockerCli(['version', '--format', '{{.Server.APIVersion}}']));
        assert.equal(status.address, 'unix:///var/run/docker.sock');
    });

    it('a DOCKER_HOST on a closed port: exit 2, one clear line, no stack trace', async () => {
        const port = await closedPort();
        const result = parity(['doctor'], { DOCKER_HOST: `tcp://127.0.0.1:${port}` });
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        assert.match(
            result.stderr,
            new RegExp(
                `^parity: Docker is not reachable at tcp://127\\.0\\.0\\.1:${port} \\(from DOCKER_HOST\\) — is it running\\?`,
            ),
        );
        assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
        assert.equal(result.stderr.trim().split('\n').length, 1);
    });

    it('bad arguments: exit 2 with usage', () => {
        const unknown = parity(['frobnicate']);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /unknown command "frobnicate"/);
        const badTimeout = parity(['doctor', '--timeout', 'soon']);
        assert.equal(badTimeout.code, 2);
        assert.match(badTimeout.stderr, /--timeout must be a positive number of seconds, not "soon"/);
        const badHost = parity(['doctor', '--host', 'ftp://x']);
        assert.equal(badHost.code, 2);
        assert.match(badHost.stderr, /"ftp:\/\/x" is not a Docker engine address/);
    });
});
