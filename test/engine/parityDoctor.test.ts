import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { requireEngine } from './requireEngine';
import { closedPort } from '../support/ports';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function parity(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('parity doctor (the built CLI)', () => {
    before(async () => {
        assert.ok(existsSync(cli), `${cli} is missing — run: npm run build`);
        await requireEngine();
    });

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
        assert.match(result.stderr, new RegExp(`^parity: Docker is not reachable at tcp://127\\.0\\.0\\.1:${port} \\(from DOCKER_HOST\\) — is it running\\?`));
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
