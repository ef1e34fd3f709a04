import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DockerContextEndpoint, type EngineSelectionInput, selectEngine } from '../../../src/core/selectEngine';

const base: EngineSelectionInput = { env: {}, contexts: new Map(), platform: 'linux', dockerConfigDir: '/home/dev/.docker' };
const remote: DockerContextEndpoint = { host: 'tcp://10.1.2.3:2376', skipTlsVerify: false, tlsDir: '/home/dev/.docker/contexts/tls/abc/docker' };

describe('selectEngine', () => {
    it('defaults to the platform socket', () => {
        assert.deepEqual(selectEngine(base), { address: { kind: 'unix', path: '/var/run/docker.sock' }, source: 'the default socket' });
        assert.deepEqual(selectEngine({ ...base, platform: 'win32' }).address, { kind: 'npipe', path: '//./pipe/docker_engine' });
    });

    it('follows the Docker CLI precedence: override, DOCKER_HOST, DOCKER_CONTEXT, currentContext', () => {
        const contexts = new Map([['remote', remote], ['other', { host: 'unix:///other.sock', skipTlsVerify: false }]]);
        const all: EngineSelectionInput = {
            ...base,
            override: { value: 'unix:///override.sock', source: 'the parity.docker.host setting' },
            env: { DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'other' },
            currentContext: 'remote',
            contexts,
        };
        assert.equal(selectEngine(all).source, 'the parity.docker.host setting');
        assert.equal(selectEngine({ ...all, override: { value: '  ', source: 'x' } }).source, 'DOCKER_HOST');
        assert.equal(selectEngine({ ...all, override: undefined as never, env: { DOCKER_CONTEXT: 'other' } }).source, 'Docker context "other"');
        const fromConfig = selectEngine({ ...base, currentContext: 'remote', contexts });
        assert.equal(fromConfig.source, 'Docker context "remote"');
        assert.deepEqual(fromConfig.tls, { certDir: remote.tlsDir, verify: true });
    });

    it('treats the "default" context as no context', () => {
        assert.equal(selectEngine({ ...base, currentContext: 'default' }).source, 'the default socket');
    });

    it('names the missing context and the known ones', () => {
        assert.throws(() => selectEngine({ ...base, env: { DOCKER_CONTEXT: 'gone' }, contexts: new Map([['remote', remote]]) }),
            /Docker context "gone" \(from DOCKER_CONTEXT\) does not exist\. Known contexts: remote\./);
    });

    it('applies DOCKER_TLS_VERIFY and DOCKER_CERT_PATH to tcp only', () => {
        const tls = selectEngine({ ...base, env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' } });
        assert.deepEqual(tls.tls, { certDir: '/certs', verify: true });
        const encryptOnly = selectEngine({ ...base, env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS: '1' } });
        assert.deepEqual(encryptOnly.tls, { certDir: '/home/dev/.docker', verify: false });
        assert.equal(selectEngine({ ...base, env: { DOCKER_HOST: 'tcp://h:2375' } }).tls, undefined);
        assert.equal(selectEngine({ ...base, env: { DOCKER_HOST: 'unix:///s', DOCKER_TLS_VERIFY: '1' } }).tls, undefined);
    });

    it('a context marked SkipTLSVerify encrypts without verifying', () => {
        const selection = selectEngine({ ...base, currentContext: 'lab', contexts: new Map([['lab', { ...remote, skipTlsVerify: true }]]) });
        assert.equal(selection.tls?.verify, false);
    });
});
