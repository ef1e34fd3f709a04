import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    engineOverrideOf,
    formatTargetAddress,
    parseTargetAddress,
    TargetAddressError,
} from '../../../src/core/targetAddress';

describe('parseTargetAddress', () => {
    it('splits an engine address after @, even one with a user@ of its own', () => {
        const target = parseTargetAddress('container:api@ssh://deploy@127.0.0.1:2222');
        assert.equal(target.kind, 'container');
        assert.equal(target.value, 'api');
        assert.deepEqual(target.engine, {
            kind: 'address',
            text: 'ssh://deploy@127.0.0.1:2222',
            address: { kind: 'ssh', host: '127.0.0.1', port: 2222, user: 'deploy' },
        });
        assert.deepEqual(parseTargetAddress('image:node:20@tcp://127.0.0.1:2376').engine?.kind, 'address');
        assert.equal(parseTargetAddress('image:node:20@tcp://127.0.0.1:2376').value, 'node:20');
    });

    it('reads a context name after @', () => {
        assert.deepEqual(parseTargetAddress('swarm:web@cloud'), {
            kind: 'swarm',
            value: 'web',
            engine: { kind: 'context', name: 'cloud' },
        });
    });

    it('keeps an image digest in the value, with or without an engine after it', () => {
        const digest = 'node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
        assert.deepEqual(parseTargetAddress(`image:${digest}`), { kind: 'image', value: digest });
        assert.deepEqual(parseTargetAddress(`registry:127.0.0.1:5000/${digest}@cloud`), {
            kind: 'registry',
            value: `127.0.0.1:5000/${digest}`,
            engine: { kind: 'context', name: 'cloud' },
        });
    });

    it('never splits local kinds: a file or host path may contain @', () => {
        assert.deepEqual(parseTargetAddress('file:/tmp/a@cloud.json'), { kind: 'file', value: '/tmp/a@cloud.json' });
        assert.deepEqual(parseTargetAddress('host:/work/me@laptop'), { kind: 'host', value: '/work/me@laptop' });
        assert.deepEqual(parseTargetAddress('container:api'), { kind: 'container', value: 'api' });
    });

    it('rejects what cannot be a target with a message naming it', () => {
        assert.throws(
            () => parseTargetAddress('api'),
            (error: unknown) =>
                error instanceof TargetAddressError &&
                /^"api" is not a target: write it as KIND:NAME/.test(error.message),
        );
        assert.throws(
            () => parseTargetAddress('container:@cloud'),
            /"container:@cloud" is not a target: it names no container before "@"/,
        );
        assert.throws(
            () => parseTargetAddress('container:api@ssh://'),
            /"container:api@ssh:\/\/" is not a target: "ssh:\/\/" is not a Docker engine address/,
        );
    });

    it('formats back, and gives the engine choice for engine resolution', () => {
        for (const text of [
            'container:api@ssh://deploy@127.0.0.1:2222',
            'swarm:web@cloud',
            'image:node:20',
            'file:/a@b',
        ]) {
            assert.equal(formatTargetAddress(parseTargetAddress(text)), text);
        }
        assert.deepEqual(engineOverrideOf(parseTargetAddress('swarm:web@cloud')), {
            value: 'cloud',
            source: 'the target swarm:web@cloud',
        });
        assert.equal(engineOverrideOf(parseTargetAddress('container:api')), undefined);
    });
});
