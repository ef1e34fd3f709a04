import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DockerContextEndpoint, type EngineSelectionInput, selectEngine } from '../../../src/core/selectEngine';

const base: EngineSelectionInput = {
    env: {},
    contexts: new Map(),
    platform: 'linux',
    dockerConfigDir: '/home/dev/.docker',
};
const remote: DockerContextEndpoint = {
    host: 'tcp://10.1.2.3:2376',
    skipTlsVerify: false,
    tlsDir: '/home/dev/.docker/contexts/tls/abc/docker',
};

describe('selectEngine', () => {
    it('defaults to the platform socket', () => {
        assert.deepEqual(selectEngine(base), {
            address: { kind: 'unix', path: '/var/run/docker.sock' },
            source: 'the default socket',
        });
        assert.deepEqual(selectEngine({ ...base, platform: 'win32' }).address, {
            kind: 'npipe',
            path: '//./pipe/docker_engine',
        });
    });

    it('follows the Docker CLI precedence: override, DOCKER_HOST, DOCKER_CONTEXT, currentContext', () => {
        const contexts = new Map([
            ['remote', remote],
            ['other', { host: 'unix:///other.sock', skipTlsVerify: false }],
        ]);
        const all: EngineSelectionInput = {
            ...base,
            override: { value: 'unix:///override.sock', source: 'the parity.docker.host setting' },
            env: { DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'other' },
            currentContext: 'remote',
            contexts,
        };
        assert.equal(selectEngine(all).source, 'the parity.docker.host setting');
        assert.equal(selectEngine({ ...all, override: { value: '  ', source: 'x' } }).source, 'DOCKER_HOST');
        assert.equal(
            selectEngine({ ...all, override: undefined as never, env: { DOCKER_CONTEXT: 'other' } }).source,
            'Docker context "other"',
        );
        const fromConfig = selectEngine({ ...base, currentContext: 'remote', contexts });
        assert.equal(fromConfig.source, 'Docker context "remote"');
        assert.deepEqual(fromConfig.tls, { certDir: remote.tlsDir, verify: true });
    });

    it('treats the "default" context as no context', () => {
        assert.equal(selectEngine({ ...base, currentContext: 'default' }).source, 'the default socket');
    });

    it('names the missing context and the known ones', () => {
        assert.throws(
            () => selectEngine({ ...base, env: { DOCKER_CONTEXT: 'gone' }, contexts: new Map([['remote', remote]]) }),
            /Docker context "gone" \(from DOCKER_CONTEXT\) does not exist\. Known contexts: remote\./,
        );
    });

    it('applies DOCKER_TLS_VERIFY and DOCKER_CERT_PATH to tcp only', () => {
        const tls = selectEngine({
            ...base,
            env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
        });
        assert.deepEqual(tls.tls, { certDir: '/certs', verify: true });
        const encryptOnly = selectEngine({ ...base, env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS: '1' } });
        assert.deepEqual(encryptOnly.tls, { certDir: '/home/dev/.docker', verify: false });
        assert.equal(selectEngine({ ...base, env: { DOCKER_HOST: 'tcp://h:2375' } }).tls, undefined);
        assert.equal(
            selectEngine({ ...base, env: { DOCKER_HOST: 'unix:///s', DOCKER_TLS_VERIFY: '1' } }).tls,
            undefined,
        );
    });

    it('a context marked SkipTLSVerify encrypts without verifying', () => {
        const selection = selectEngine({
            ...base,
            currentContext: 'lab',
            contexts: new Map([['lab', { ...remote, skipTlsVerify: true }]]),
        });
        assert.equal(selection.tls?.verify, false);
    });

    it('an override without a scheme or colon is a Docker context by name; "default" is the default engine', () => {
        const contexts = new Map([['cloud', remote]]);
        const selection = selectEngine({ ...base, override: { value: 'cloud', source: '--host' }, contexts });
        assert.equal(selection.source, 'Docker context "cloud"');
        assert.equal(selection.context, 'cloud');
        assert.deepEqual(selection.address, { kind: 'tcp', host: '10.1.2.3', port: 2376 });
        assert.equal(
            selectEngine({ ...base, override: { value: 'default', source: '--host' }, contexts }).source,
            'the default socket',
        );
        assert.throws(
            () => selectEngine({ ...base, override: { value: 'clod', source: '--host' }, contexts }),
            /^Error: "clod" \(from --host\) is neither an engine address \(tcp:\/\/host:port, ssh:\/\/user@host\[:port\], unix:\/\/\/path\) nor a Docker context\. Known contexts: cloud\.$/,
        );
        assert.equal(selectEngine({ ...base, override: { value: 'h:2376', source: '--host' } }).address.kind, 'tcp');
    });

    it('explicit TLS files turn TLS on for tcp and win over the certificate folder', () => {
        const selection = selectEngine({
            ...base,
            env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
            override: { value: 'tcp://h:2376', source: '--host', tls: { caFile: '/other/ca.pem' } },
        });
        assert.deepEqual(selection.tls, { certDir: '/certs', caFile: '/other/ca.pem', verify: true });
        const noEnv = selectEngine({
            ...base,
            override: { value: 'tcp://h:2376', source: 'x', tls: { certFile: '/c.pem', keyFile: '/k.pem' } },
        });
        assert.deepEqual(
            noEnv.tls,
            { certDir: base.dockerConfigDir, certFile: '/c.pem', keyFile: '/k.pem', verify: true },
            'the files not named come from the config folder, as with the Docker CLI',
        );
        const certPath = selectEngine({
            ...base,
            env: { DOCKER_CERT_PATH: '/certs' },
            override: { value: 'tcp://h:2376', source: 'x', tls: { verify: false } },
        });
        assert.deepEqual(
            certPath.tls,
            { certDir: '/certs', verify: false },
            "--tls alone: DOCKER_CERT_PATH's files, no verification",
        );
        assert.equal(
            selectEngine({ ...base, override: { value: 'ssh://u@h', source: 'x', tls: { caFile: '/ca.pem' } } }).tls,
            undefined,
        );
    });

    it('ssh options come from PARITY_SSH_* and explicit options win; accepting an unknown host key is off unless told', () => {
        const env = { PARITY_SSH_IDENTITY_FILE: '/keys/id', PARITY_SSH_KNOWN_HOSTS: '/keys/known_hosts' };
        const fromEnv = selectEngine({ ...base, env: { ...env, DOCKER_HOST: 'ssh://deploy@h:2222' } });
        assert.deepEqual(fromEnv.ssh, {
            identityFile: '/keys/id',
            knownHostsFile: '/keys/known_hosts',
            acceptUnknownHostKey: false,
        });
        assert.equal(
            selectEngine({ ...base, env: { DOCKER_HOST: 'ssh://h', PARITY_SSH_ACCEPT_UNKNOWN_HOST_KEY: '1' } }).ssh
                ?.acceptUnknownHostKey,
            true,
        );
        assert.equal(
            selectEngine({ ...base, env: { DOCKER_HOST: 'ssh://h', PARITY_SSH_ACCEPT_UNKNOWN_HOST_KEY: '0' } }).ssh
                ?.acceptUnknownHostKey,
            false,
        );
        const explicit = selectEngine({
            ...base,
            env,
            override: { value: 'ssh://h', source: 'x', ssh: { identityFile: '/other', acceptUnknownHostKey: true } },
        });
        assert.deepEqual(explicit.ssh, {
            identityFile: '/other',
            knownHostsFile: '/keys/known_hosts',
            acceptUnknownHostKey: true,
        });
        assert.equal(selectEngine({ ...base, env: { ...env, DOCKER_HOST: 'tcp://h:2375' } }).ssh, undefined);
    });
});
