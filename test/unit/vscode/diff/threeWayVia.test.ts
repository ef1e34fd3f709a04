import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threeWayVia } from '../../../../src/vscode/diff/threeWayVia';

const host = { kind: 'host', path: '/work/app' } as const;
const built = 'app-1a2b3c4d:parity';

describe('threeWayVia', () => {
    it("this machine, the project's built image and another target: the image goes between them", () => {
        assert.deepEqual(threeWayVia(host, { kind: 'container', name: 'prod' }, built), { kind: 'image', ref: built });
        assert.deepEqual(threeWayVia(host, { kind: 'file', path: 'prod.snapshot.json' }, built), {
            kind: 'image',
            ref: built,
        });
    });

    it('two-way when the image is not built, the target is that image, or this machine is not the from side', () => {
        assert.equal(threeWayVia(host, { kind: 'container', name: 'prod' }, undefined), undefined);
        assert.equal(threeWayVia(host, { kind: 'image', ref: built }, built), undefined);
        assert.equal(
            threeWayVia({ kind: 'image', ref: 'node:20' }, { kind: 'container', name: 'prod' }, built),
            undefined,
        );
        assert.equal(threeWayVia(host, { kind: 'host', path: '/other' }, built), undefined);
    });
});
