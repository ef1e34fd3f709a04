import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineAddressError, formatEngineAddress, parseEngineAddress } from '../../../src/core/engineAddress';

describe('parseEngineAddress', () => {
    it('reads unix sockets, defaulting an empty path to the standard socket', () => {
        assert.deepEqual(parseEngineAddress('unix:///run/user/1000/docker.sock'), {
            kind: 'unix',
            path: '/run/user/1000/docker.sock',
        });
        assert.deepEqual(parseEngineAddress('unix://'), { kind: 'unix', path: '/var/run/docker.sock' });
    });

    it('reads tcp with and without a scheme, as the Docker CLI does', () => {
        assert.deepEqual(parseEngineAddress('tcp://127.0.0.1:2375'), { kind: 'tcp', host: '127.0.0.1', port: 2375 });
        assert.deepEqual(parseEngineAddress('10.0.0.5:2376'), { kind: 'tcp', host: '10.0.0.5', port: 2376 });
        assert.deepEqual(parseEngineAddress('tcp://docker.internal'), {
            kind: 'tcp',
            host: 'docker.internal',
            port: 2376,
        });
    });

    it('reads ssh with user and port', () => {
        assert.deepEqual(parseEngineAddress('ssh://deploy@build-host:2222'), {
            kind: 'ssh',
            host: 'build-host',
            port: 2222,
            user: 'deploy',
        });
        assert.deepEqual(parseEngineAddress('ssh://build-host'), { kind: 'ssh', host: 'build-host', port: 22 });
    });

    it('reads Windows named pipes', () => {
        assert.deepEqual(parseEngineAddress('npipe:////./pipe/docker_engine'), {
            kind: 'npipe',
            path: '//./pipe/docker_engine',
        });
    });

    it('rejects empty, unknown-scheme and host-less addresses with a message naming the input', () => {
        for (const bad of ['', '   ', 'ftp://host:21', 'tcp://', 'http://:80']) {
            assert.throws(
                () => parseEngineAddress(bad),
                (error: unknown) =>
                    error instanceof EngineAddressError &&
                    error.message.includes(`"${bad}"`) &&
                    error.message.includes('unix:///path'),
            );
        }
    });

    it('formats addresses canonically and round-trips', () => {
        for (const text of [
            'unix:///var/run/docker.sock',
            'tcp://127.0.0.1:2375',
            'ssh://me@host:2222',
            'ssh://host',
            'npipe:////./pipe/docker_engine',
        ]) {
            assert.equal(formatEngineAddress(parseEngineAddress(text)), text);
        }
    });
});
