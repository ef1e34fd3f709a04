import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parityLeftovers } from '../../../../src/core/images/parityLeftovers';

const sandbox = (id: string, state: string, purpose = 'sandbox') => ({
    id,
    name: `parity-sandbox-${id}`,
    purpose,
    state,
    imageId: `sha256:${id}`,
    project: '/work/app',
});
const image = (id: string, tags: string[] | null, labels: Record<string, string> | null, size = 100) => ({
    Id: id,
    RepoTags: tags,
    Size: size,
    Created: 1,
    Labels: labels,
});

describe('parityLeftovers', () => {
    it('takes stopped sandboxes and untagged Parity builds no live container uses, and adds up the sizes', () => {
        const result = parityLeftovers(
            [
                sandbox('a', 'exited'),
                sandbox('b', 'created'),
                sandbox('c', 'running'),
                sandbox('d', 'paused'),
                sandbox('e', 'exited', 'probe'),
            ],
            [
                image('sha256:old', ['<none>:<none>'], { 'parity.managed': 'true' }, 300),
                image('sha256:old2', null, { 'parity.managed': 'true' }, 200),
                image('sha256:tagged', ['app:parity'], { 'parity.managed': 'true' }),
                image('sha256:theirs', ['<none>:<none>'], { maintainer: 'x' }),
                image('sha256:unlabelled', null, null),
                image('sha256:inuse', null, { 'parity.managed': 'true' }),
            ],
            new Set(['sha256:inuse']),
        );
        assert.deepEqual(
            result.sandboxes.map((entry) => entry.id),
            ['a', 'b'],
        );
        assert.deepEqual(
            result.images.map((entry) => entry.id),
            ['sha256:old', 'sha256:old2'],
        );
        assert.equal(result.count, 4);
        assert.equal(result.bytes, 500);
    });

    it("is empty when there is nothing of Parity's to remove", () => {
        const result = parityLeftovers([sandbox('c', 'running')], [image('sha256:theirs', null, null)], new Set());
        assert.deepEqual(result, { sandboxes: [], images: [], count: 0, bytes: 0 });
    });
});
