import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonLineDecoder } from '../../../src/engine/JsonLineDecoder';
import { type PullProgress, pullFailure } from '../../../src/engine/pullFailure';

const attempt = {
    ref: '127.0.0.1:5000/app:1',
    registry: '127.0.0.1:5000',
    address: 'unix:///var/run/docker.sock',
    withAuth: false,
};

describe('pullFailure', () => {
    it("what the engine says, as the status a person can act on (Docker Engine 20.10's words)", () => {
        const missing = pullFailure(
            'manifest for 127.0.0.1:5000/app:1 not found: manifest unknown: manifest unknown',
            attempt,
            404,
        );
        assert.equal(missing.statusCode, 404);
        assert.match(missing.message, /^No image 127\.0\.0\.1:5000\/app:1 in registry 127\.0\.0\.1:5000 /);
        const login = pullFailure(
            'Head "http://127.0.0.1:5000/v2/app/manifests/1": no basic auth credentials',
            attempt,
            500,
        );
        assert.equal(login.statusCode, 401);
        assert.match(login.message, /wants a login .* docker login 127\.0\.0\.1:5000/);
        const refused = pullFailure('unauthorized: authentication required', { ...attempt, withAuth: true }, 500);
        assert.match(refused.message, /refused the credentials saved for it/);
        const down = pullFailure(
            'Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
            attempt,
            500,
        );
        assert.equal(down.statusCode, 502);
        assert.match(
            down.message,
            /^Registry 127\.0\.0\.1:5000 is not reachable from the engine at unix:\/\/\/var\/run\/docker\.sock/,
        );
        const other = pullFailure('something else', attempt, 500);
        assert.equal(other.statusCode, 500);
        assert.match(
            other.message,
            /could not pull 127\.0\.0\.1:5000\/app:1 from registry 127\.0\.0\.1:5000: something else \(HTTP 500\)\.$/,
        );
    });
});

describe('JsonLineDecoder', () => {
    it('splits progress lines across chunks and skips what is not an object', () => {
        const decoder = new JsonLineDecoder<PullProgress>();
        assert.deepEqual(decoder.push('{"status":"Pulling fs layer","id":"a1"}\n{"sta'), [
            { status: 'Pulling fs layer', id: 'a1' },
        ]);
        assert.deepEqual(decoder.push('tus":"Done"}\nnot json\n42\n'), [{ status: 'Done' }]);
        assert.deepEqual(decoder.push('{"error":"boom","errorDetail":{"message":"boom"}}'), []);
        assert.deepEqual(decoder.end(), [{ error: 'boom', errorDetail: { message: 'boom' } }]);
    });
});
