import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageRows } from '../../../src/core/images/imageRows';

describe('imageRows', () => {
    it('Parity\'s builds first, then tagged images, then untagged leftovers; newest first in each group', () => {
        const rows = imageRows([
            { Id: 'sha256:aaaaaaaaaaaaaaaa', RepoTags: ['<none>:<none>'], Size: 1, Created: 300 },
            { Id: 'sha256:bbbbbbbbbbbbbbbb', RepoTags: ['debian:bookworm-slim', 'debian:12-slim'], Size: 2, Created: 100 },
            { Id: 'sha256:cccccccccccccccc', RepoTags: ['shop:parity'], Size: 3, Created: 200, Labels: { 'parity.managed': 'true', 'parity.plan': 'abc' } },
            { Id: 'sha256:dddddddddddddddd', RepoTags: ['node:20-bookworm-slim'], Size: 4, Created: 250, Labels: null },
        ]);
        assert.deepEqual(rows.map((row) => row.name), ['shop:parity', 'node:20-bookworm-slim', 'debian:12-slim', 'debian:bookworm-slim', '<none> (aaaaaaaaaaaa)']);
        assert.deepEqual(rows.map((row) => [row.parity, row.dangling]), [[true, false], [false, false], [false, false], [false, false], [false, true]]);
    });
});
