import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toEngineError } from '../../../src/engine/toEngineError';

const context = {
    address: 'unix:///var/run/docker.sock',
    source: 'the default socket',
    operation: 'creating sandbox s1 from app:1',
    timeoutMs: 10_000,
};

describe('toEngineError: a full disk', () => {
    const refusal = {
        statusCode: 500,
        json: { message: 'mkdir /var/lib/docker/overlay2/abc-init: no space left on device' },
    };

    it('says the disk is full, what was being done, and where the data root is', () => {
        const error = toEngineError(refusal, { ...context, dataRoot: '/var/lib/docker' }, false);
        assert.equal(error.kind, 'api');
        assert.equal(error.statusCode, 500);
        assert.match(
            error.message,
            /^The disk of the Docker engine at unix:\/\/\/var\/run\/docker\.sock is full \(no space left on device\) while creating sandbox s1 from app:1\. Free space on the disk that holds its data root \/var\/lib\/docker — /,
        );
    });

    it('without the data root it says how to find it', () => {
        assert.match(toEngineError(refusal, context, false).message, /docker info shows it as Docker Root Dir/);
    });
});
