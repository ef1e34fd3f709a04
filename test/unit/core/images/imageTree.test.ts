import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageSummary } from '../../../../src/core/images/imageRows';
import {
    imageChildren,
    imageGroupContextValue,
    imageTree,
    type ImageTreeNode,
} from '../../../../src/core/images/imageTree';

const parity = { 'parity.managed': 'true', 'parity.plan': 'p' };

function outline(nodes: readonly ImageTreeNode[]): string[] {
    return nodes.map((node) => {
        switch (node.kind) {
            case 'repository':
                return `${node.parity ? '*' : ''}${node.repository}: ${imageChildren(node)
                    .map((child) => (child.kind === 'image' ? child.row.tag : '?'))
                    .join(', ')}`;
            case 'untagged':
                return `<untagged>: ${node.rows.map((row) => row.name).join(', ')}`;
            case 'image':
                return node.row.name;
        }
    });
}

describe('imageTree', () => {
    it('repositories with a Parity build first (newest build first), then the rest by name, then one untagged group', () => {
        const images: ImageSummary[] = [
            {
                Id: 'sha256:node20',
                RepoTags: ['node:20-bookworm-slim', 'node:20.20.2-bookworm-slim'],
                Size: 1,
                Created: 100,
            },
            { Id: 'sha256:shop1', RepoTags: ['shop:parity'], Size: 1, Created: 300, Labels: parity },
            { Id: 'sha256:shopold', RepoTags: ['shop:v1'], Size: 1, Created: 50 },
            { Id: 'sha256:api', RepoTags: ['api:parity'], Size: 1, Created: 400, Labels: parity },
            { Id: 'sha256:busybox', RepoTags: ['busybox:latest', 'busybox:1.35'], Size: 1, Created: 90 },
            { Id: 'sha256:leftover1aaaaaa', RepoTags: ['<none>:<none>'], Size: 1, Created: 200, Labels: parity },
            { Id: 'sha256:leftover2bbbbbb', RepoTags: null, Size: 1, Created: 250 },
            { Id: 'sha256:alpha', RepoTags: ['alpha:1'], Size: 1, Created: 10 },
        ];
        assert.deepEqual(outline(imageTree(images)), [
            '*api: parity',
            '*shop: parity, v1',
            'alpha: 1',
            'busybox: 1.35, latest',
            'node: 20-bookworm-slim, 20.20.2-bookworm-slim',
            '<untagged>: <none> (leftover2bbb), <none> (leftover1aaa)',
        ]);
    });

    it('an engine without images gives no nodes, and no untagged group when nothing is untagged', () => {
        assert.deepEqual(imageTree([]), []);
        assert.deepEqual(outline(imageTree([{ Id: 'sha256:1', RepoTags: ['a:1'], Size: 1, Created: 1 }])), ['a: 1']);
    });

    it('group nodes have contextValues of their own, so no image menu applies to them', () => {
        const [repo, plain, untagged] = imageTree([
            { Id: 'sha256:1', RepoTags: ['app:parity'], Size: 1, Created: 2, Labels: parity },
            { Id: 'sha256:2', RepoTags: ['busybox:latest'], Size: 1, Created: 1 },
            { Id: 'sha256:3', RepoTags: [], Size: 1, Created: 1 },
        ]);
        const values = [repo, plain, untagged].map((node) =>
            node && node.kind !== 'image' ? imageGroupContextValue(node) : '',
        );
        assert.deepEqual(values, ['imageRepository;parity', 'imageRepository', 'untaggedImages']);
        assert.ok(values.every((value) => !/^(parityImage|image|danglingImage)(;|$)/.test(value)));
    });
});
