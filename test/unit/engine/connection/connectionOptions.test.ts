import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeTlsFailure } from '../../../../src/engine/connection/describeTlsFailure';
import type { HostKeyProblem } from '../../../../src/engine/connection/HostKeyProblem';
import { sshOptions } from '../../../../src/engine/connection/sshOptions';
import { tlsFiles } from '../../../../src/engine/connection/tlsFiles';
import { tlsOptions } from '../../../../src/engine/connection/tlsOptions';
import { trustHostKey } from '../../../../src/engine/connection/trustHostKey';
import { toEngineError } from '../../../../src/engine/toEngineError';

const dir = mkdtempSync(join(tmpdir(), 'parity connection '));
after(() => rmSync(dir, { recursive: true, force: true }));
const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIDBc9TeEtzzQGZ7WGY5K5Gibt1GgUzhGxgYtg+5y8seb';

describe('TLS options', () => {
    it("takes explicit files over the folder's, and names what is missing", () => {
        assert.deepEqual(tlsFiles({ certDir: '/c', caFile: '/x/ca.pem', verify: true }), {
            caFile: '/x/ca.pem',
            certFile: '/c/cert.pem',
            keyFile: '/c/key.pem',
        });
        writeFileSync(join(dir, 'ca.pem'), 'ca');
        assert.deepEqual(tlsOptions({ certDir: dir, verify: true }), { ca: Buffer.from('ca') });
        assert.throws(
            () => tlsOptions({ certDir: join(dir, 'none'), verify: true }),
            /TLS verification is on but there is no CA certificate \(.*none\/ca\.pem does not exist\)/,
        );
        assert.throws(
            () => tlsOptions({ caFile: join(dir, 'gone.pem'), verify: true }),
            /the CA certificate .*gone\.pem does not exist/,
        );
        writeFileSync(join(dir, 'cert.pem'), 'cert');
        assert.throws(
            () => tlsOptions({ certDir: dir, verify: true }),
            /the client certificate .*cert\.pem has no key/,
        );
    });

    it('describes each certificate problem, naming the files', () => {
        const where = 'tcp://h:2376 (from --host)';
        assert.match(
            describeTlsFailure({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, where, { caFile: '/c/ca.pem' }) ?? '',
            /^The certificate of the Docker engine at tcp:\/\/h:2376 \(from --host\) is not signed by the CA Parity trusts \(CA: \/c\/ca\.pem\)/,
        );
        assert.match(describeTlsFailure({ code: 'CERT_HAS_EXPIRED' }, where, {}) ?? '', /has expired/);
        assert.match(
            describeTlsFailure({ code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' }, where, { certFile: '/c/cert.pem' }) ??
                '',
            /refused the client certificate \/c\/cert\.pem: it is not signed by the CA the engine trusts, or has expired/,
        );
        assert.match(
            describeTlsFailure({ code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' }, where, {}) ?? '',
            /requires a client certificate and none was given/,
        );
        assert.match(
            describeTlsFailure({ code: 'EPROTO', message: 'wrong version number' }, where, {}) ?? '',
            /^Nothing at tcp:\/\/h:2376 \(from --host\) speaks TLS/,
        );
        assert.equal(describeTlsFailure({ code: 'ECONNREFUSED' }, where, {}), undefined);
    });
});

describe('ssh options', () => {
    it('never requires an agent, refuses a missing key file, and checks the host key', () => {
        const knownHosts = join(dir, 'known_hosts');
        writeFileSync(knownHosts, `[127.0.0.1]:2222 ssh-ed25519 ${KEY}\n`);
        writeFileSync(join(dir, 'id'), 'not really a key');
        const rejected: HostKeyProblem[] = [];
        const options = sshOptions(
            '127.0.0.1',
            2222,
            { identityFile: join(dir, 'id'), knownHostsFile: knownHosts, acceptUnknownHostKey: false },
            { SSH_AUTH_SOCK: join(dir, 'no-agent') },
            (problem) => rejected.push(problem),
        );
        assert.equal(options.agent, undefined, 'an agent socket that is not there is not used');
        assert.equal(options.hostVerifier(Buffer.from(KEY, 'base64')), true);
        const other = Buffer.from(KEY, 'base64');
        other[other.length - 1] = 0;
        assert.equal(options.hostVerifier(other), false);
        assert.equal(rejected[0]?.verdict, 'changed');
        assert.throws(
            () =>
                sshOptions(
                    'h',
                    22,
                    { identityFile: join(dir, 'missing'), acceptUnknownHostKey: false },
                    {},
                    () => undefined,
                ),
            /the ssh key .*missing does not exist/,
        );
    });

    it('an unknown host is accepted only when told; a changed key never', () => {
        const empty = join(dir, 'empty_known_hosts');
        writeFileSync(empty, '');
        const accept = sshOptions(
            '10.0.0.9',
            22,
            { knownHostsFile: empty, acceptUnknownHostKey: true },
            {},
            () => undefined,
        );
        assert.equal(accept.hostVerifier(Buffer.from(KEY, 'base64')), true);
        const strict: HostKeyProblem[] = [];
        assert.equal(
            sshOptions('10.0.0.9', 22, { knownHostsFile: empty, acceptUnknownHostKey: false }, {}, (p) =>
                strict.push(p),
            ).hostVerifier(Buffer.from(KEY, 'base64')),
            false,
        );
        assert.deepEqual(
            { ...strict[0], fingerprint: undefined },
            {
                host: '10.0.0.9',
                port: 22,
                verdict: 'unknown',
                keyType: 'ssh-ed25519',
                fingerprint: undefined,
                knownHostsFile: empty,
                knownHostsLine: `10.0.0.9 ssh-ed25519 ${KEY}`,
            },
        );
    });
});

describe('toEngineError for remote engines', () => {
    const context = {
        address: 'ssh://deploy@h:2222',
        source: 'the target container:api@ssh://deploy@h:2222',
        operation: 'the ping',
        timeoutMs: 10_000,
    };
    it('turns ssh2\'s "Host denied" into a host-key error carrying the key', () => {
        const hostKey: HostKeyProblem = {
            host: 'h',
            port: 2222,
            verdict: 'unknown',
            keyType: 'ssh-ed25519',
            fingerprint: 'SHA256:x',
            knownHostsFile: '/k',
            knownHostsLine: `[h]:2222 ssh-ed25519 ${KEY}`,
        };
        const error = toEngineError(
            new Error('Host denied (verification failed)'),
            { ...context, rejectedHostKey: () => hostKey },
            false,
        );
        assert.equal(error.kind, 'host-key');
        assert.equal(error.hostKey, hostKey);
        assert.match(
            error.message,
            /^The ssh host key of Docker at ssh:\/\/deploy@h:2222 \(from the target container:api@ssh:\/\/deploy@h:2222\) is not known \(ssh-ed25519 key SHA256:x; not in \/k\)/,
        );
    });

    it('an unreachable remote says to check the address, a local one to start Docker', () => {
        const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        assert.match(
            toEngineError(refused, context, false).message,
            /— is it running\? \(ECONNREFUSED\) Nothing answered there: check the address, and that its ssh server runs/,
        );
        assert.match(
            toEngineError(refused, { ...context, address: 'tcp://10.0.0.5:2376' }, false).message,
            /check the address, and that the engine runs/,
        );
        assert.match(
            toEngineError(refused, { ...context, address: 'tcp://127.0.0.1:2376' }, false).message,
            /Start Docker Desktop/,
        );
    });
});

describe('trustHostKey', () => {
    const problem: HostKeyProblem = {
        host: 'h',
        port: 2222,
        verdict: 'unknown',
        keyType: 'ssh-ed25519',
        fingerprint: 'SHA256:x',
        knownHostsFile: join(dir, 'new', '.ssh', 'known_hosts'),
        knownHostsLine: `[h]:2222 ssh-ed25519 ${KEY}`,
    };

    it('appends the line once, creating the file, and the key is then trusted', async () => {
        assert.equal(await trustHostKey(problem), true);
        assert.equal(await trustHostKey(problem), false, 'already there');
        assert.equal(readFileSync(problem.knownHostsFile, 'utf8'), `${problem.knownHostsLine}\n`);
        const options = sshOptions(
            'h',
            2222,
            { knownHostsFile: problem.knownHostsFile, acceptUnknownHostKey: false },
            {},
            () => undefined,
        );
        assert.equal(options.hostVerifier(Buffer.from(KEY, 'base64')), true);
    });

    it('keeps what the file had, and never trusts a changed key', async () => {
        const file = join(dir, 'kept_known_hosts');
        writeFileSync(file, 'other ssh-ed25519 AAAA');
        await trustHostKey({ ...problem, knownHostsFile: file });
        assert.equal(readFileSync(file, 'utf8'), `other ssh-ed25519 AAAA\n${problem.knownHostsLine}\n`);
        await assert.rejects(
            trustHostKey({ ...problem, knownHostsFile: file, verdict: 'changed' }),
            /is a CHANGED key; Parity will not trust it/,
        );
    });
});
