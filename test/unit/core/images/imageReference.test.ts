import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImageReferenceError, parseImageReference } from '../../../../src/core/images/imageReference';

const digest = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference (the distribution reference grammar)', () => {
    it('splits registry, path, tag and digest', () => {
        assert.deepEqual(parseImageReference('node'), { path: 'node' });
        assert.deepEqual(parseImageReference('node:20.20.2-bookworm-slim'), {
            path: 'node',
            tag: '20.20.2-bookworm-slim',
        });
        assert.deepEqual(parseImageReference('parity-test/cli-x:123'), { path: 'parity-test/cli-x', tag: '123' });
        assert.deepEqual(parseImageReference('localhost:5000/team/api:v1'), {
            registry: 'localhost:5000',
            path: 'team/api',
            tag: 'v1',
        });
        assert.deepEqual(parseImageReference('registry.example.com/a__b/c-d.e'), {
            registry: 'registry.example.com',
            path: 'a__b/c-d.e',
        });
        assert.deepEqual(parseImageReference(`api@${digest}`), { path: 'api', digest });
        assert.deepEqual(parseImageReference(`[::1]:5000/api:1@${digest}`), {
            registry: '[::1]:5000',
            path: 'api',
            tag: '1',
            digest,
        });
        assert.deepEqual(parseImageReference('api-1a2b3c4d:parity'), { path: 'api-1a2b3c4d', tag: 'parity' });
    });

    const invalid: [string, RegExp][] = [
        ['', /empty/],
        ['Foo Bar', /"Foo Bar" must be lowercase/],
        ['MyApp', /"MyApp" must be lowercase/],
        ['a:b:c', /"a:b" must be lowercase/],
        ['api:', /the tag "" may hold only/],
        ['api:-x', /the tag "-x"/],
        [`api:${'x'.repeat(129)}`, /at most 128/],
        ['team//api', /empty path component/],
        ['api/', /empty path component/],
        ['a..b', /"a\.\.b"/],
        ['api@sha256:xyz', /the digest "sha256:xyz"/],
        ['bad_host.com/api', /the registry host "bad_host\.com"/],
        ['host.com:port/api', /the registry "host\.com:port" is not host\[:port\]/],
        [`${'a'.repeat(256)}:1`, /longer than 255/],
    ];
    for (const [reference, reason] of invalid) {
        it(`refuses ${JSON.stringify(reference.length > 40 ? `${reference.slice(0, 20)}…` : reference)}, saying why`, () => {
            assert.throws(
                () => parseImageReference(reference),
                (error: unknown) =>
                    error instanceof ImageReferenceError &&
                    error.message.startsWith(`"${reference}" is not a valid image name: `) &&
                    reason.test(error.message),
            );
        });
    }
});
