// Which engine, with which TLS files, the CLI's flags choose — resolved without connecting (a client connects
// on its first call).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CliContext, CliOptions } from '../../../src/cli/CliContext';
import { engineClientFor } from '../../../src/cli/engineClientFor';
import { silentLogger } from '../../../src/core/Logger';
import { parseTargetAddress } from '../../../src/core/targetAddress';

const config = mkdtempSync(join(tmpdir(), 'parity empty docker config '));
after(() => rmSync(config, { recursive: true, force: true }));

function context(options: Partial<CliOptions>, env: Record<string, string> = {}): CliContext {
    return {
        args: [],
        options: { json: false, verbose: false, force: false, ...options },
        env: { DOCKER_CONFIG: config, DOCKER_HOST: '', DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '', ...env },
        log: silentLogger,
        timeoutMs: 1000,
        signal: new AbortController().signal,
        stdout: () => undefined,
        stderr: () => undefined,
        version: 'test',
    };
}

describe("engineClientFor: the Docker CLI's TLS flags", () => {
    it("--tlsverify with files: TLS on -H, verifying, the named files over the folder's", async () => {
        const client = await engineClientFor(
            context({
                host: 'tcp://127.0.0.1:2376',
                tlsVerify: true,
                tlsCaCert: '/c/ca.pem',
                tlsCert: '/c/cert.pem',
                tlsKey: '/c/key.pem',
            }),
        );
        assert.equal(client.selection.source, '--host');
        assert.deepEqual(client.selection.tls, {
            certDir: config,
            caFile: '/c/ca.pem',
            certFile: '/c/cert.pem',
            keyFile: '/c/key.pem',
            verify: true,
        });
    });

    it('--tls alone encrypts without verifying; no flag, no TLS; the flags apply to DOCKER_HOST without -H', async () => {
        assert.equal(
            (await engineClientFor(context({ host: 'tcp://127.0.0.1:2376', tls: true }))).selection.tls?.verify,
            false,
        );
        assert.equal((await engineClientFor(context({ host: 'tcp://127.0.0.1:2376' }))).selection.tls, undefined);
        const fromEnv = await engineClientFor(
            context({ tlsVerify: true }, { DOCKER_HOST: 'tcp://10.0.0.9:2376', DOCKER_CERT_PATH: '/certs' }),
        );
        assert.equal(fromEnv.address, 'tcp://10.0.0.9:2376');
        assert.deepEqual(fromEnv.selection.tls, { certDir: '/certs', verify: true });
    });

    it("a target's @tcp:// gets the flags, an ssh or unix engine ignores them", async () => {
        const flags = { host: 'unix:///var/run/docker.sock', tlsVerify: true, tlsCaCert: '/c/ca.pem' };
        const remote = await engineClientFor(
            context(flags),
            parseTargetAddress('container:api@tcp://10.0.0.5:2376').engine,
        );
        assert.equal(remote.address, 'tcp://10.0.0.5:2376');
        assert.equal(remote.selection.tls?.caFile, '/c/ca.pem');
        assert.equal((await engineClientFor(context(flags))).selection.tls, undefined);
        assert.equal(
            (await engineClientFor(context(flags), parseTargetAddress('container:api@ssh://deploy@10.0.0.5').engine))
                .selection.tls,
            undefined,
        );
    });
});
