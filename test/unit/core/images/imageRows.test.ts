import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageContextValue, imageRows, splitReference } from '../../../../src/core/images/imageRows';
import { showsOn } from '../../../support/menuWhen';

describe('imageRows', () => {
    it("Parity's builds first, then tagged images, then untagged leftovers; newest first in each group", () => {
        const rows = imageRows([
            { Id: 'sha256:aaaaaaaaaaaaaaaa', RepoTags: ['<none>:<none>'], Size: 1, Created: 300 },
            {
                Id: 'sha256:bbbbbbbbbbbbbbbb',
                RepoTags: ['debian:bookworm-slim', 'debian:12-slim'],
                Size: 2,
                Created: 100,
            },
            {
                Id: 'sha256:cccccccccccccccc',
                RepoTags: ['shop:parity'],
                Size: 3,
                Created: 200,
                Labels: { 'parity.managed': 'true', 'parity.plan': 'abc' },
            },
            { Id: 'sha256:dddddddddddddddd', RepoTags: ['node:20-bookworm-slim'], Size: 4, Created: 250, Labels: null },
        ]);
        assert.deepEqual(
            rows.map((row) => row.name),
            ['shop:parity', 'node:20-bookworm-slim', 'debian:12-slim', 'debian:bookworm-slim', '<none> (aaaaaaaaaaaa)'],
        );
        assert.deepEqual(
            rows.map((row) => [row.parity, row.dangling]),
            [
                [true, false],
                [false, false],
                [false, false],
                [false, false],
                [false, true],
            ],
        );
        assert.deepEqual(
            rows.map((row) => [row.repository, row.tag]),
            [
                ['shop', 'parity'],
                ['node', '20-bookworm-slim'],
                ['debian', '12-slim'],
                ['debian', 'bookworm-slim'],
                ['', ''],
            ],
        );
    });

    it("splits a reference at the tag's colon, not at a registry port", () => {
        assert.deepEqual(splitReference('127.0.0.1:5000/team/app:1.2'), {
            repository: '127.0.0.1:5000/team/app',
            tag: '1.2',
        });
        assert.deepEqual(splitReference('127.0.0.1:5000/team/app'), {
            repository: '127.0.0.1:5000/team/app',
            tag: 'latest',
        });
        assert.deepEqual(splitReference('busybox:1.35'), { repository: 'busybox', tag: '1.35' });
    });

    it("encodes what an image is in its contextValue, for the menus' regexes", () => {
        const [parity, plain, dangling, parityLeftover] = imageRows([
            { Id: 'sha256:1', RepoTags: ['app:parity'], Size: 1, Created: 4, Labels: { 'parity.managed': 'true' } },
            { Id: 'sha256:2', RepoTags: ['busybox:latest'], Size: 1, Created: 3 },
            { Id: 'sha256:3', RepoTags: null, Size: 1, Created: 2 },
            { Id: 'sha256:4', RepoTags: [], Size: 1, Created: 1, Labels: { 'parity.plan': 'x' } },
        ]);
        assert.deepEqual(
            [parity, plain, dangling, parityLeftover].map((row) => row && imageContextValue(row)),
            ['parityImage', 'image', 'danglingImage', 'danglingImage;parity'],
        );
        // What package.json's menus match: Run in Sandbox and Copy Name only for tagged images.
        const values = [
            'parityImage',
            'image',
            'danglingImage',
            'danglingImage;parity',
            'imageRepository;parity',
            'untaggedImages',
        ];
        const menu = (command: string): boolean[] => values.map((value) => showsOn('parity.images', command, value));
        assert.deepEqual(menu('parity.sandbox.run'), [true, true, false, false, false, false]);
        assert.deepEqual(menu('parity.images.copyName'), [true, true, false, false, false, false]);
        assert.deepEqual(
            menu('parity.images.push'),
            [true, true, false, false, false, false],
            'a push needs a name to push as',
        );
        for (const command of ['parity.images.inspect', 'parity.images.remove', 'parity.images.copyId']) {
            assert.deepEqual(menu(command), [true, true, true, true, false, false], command);
        }
    });
});
