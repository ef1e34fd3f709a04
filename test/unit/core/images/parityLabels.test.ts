import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageInUse } from '../../../../src/core/images/imageInUse';
import { parityProvenance, partitionLabels } from '../../../../src/core/images/parityLabels';

describe('parity labels', () => {
    it('reads which snapshot and which plan an image was built from', () => {
        const provenance = parityProvenance({
            'parity.managed': 'true',
            'parity.plan': 'b35fd1ce42581be9',
            'parity.plan.version': '1',
            'parity.ecosystem': 'node',
            'parity.dockerfile.sha256': '85287414e59460f8',
            'parity.snapshot': '/home/me/@work/shop@2026-11-28T01:53:06.569Z',
        });
        assert.deepEqual(provenance, {
            snapshot: { source: '/home/me/@work/shop', capturedAt: '2026-11-28T01:53:06.569Z' },
            plan: 'b35fd1ce42581be9',
            planVersion: '1',
            ecosystem: 'node',
            dockerfile: '85287414e59460f8',
        });
        assert.deepEqual(parityProvenance({ maintainer: 'x' }), {});
    });

    it("says when Parity built an image, from the build-time label on Parity's builds only", () => {
        const at = '2026-12-05T05:20:00.000Z';
        assert.equal(
            parityProvenance({ 'parity.managed': 'true', 'org.opencontainers.image.created': at }).builtAt,
            Date.parse(at),
        );
        assert.equal(parityProvenance({ 'org.opencontainers.image.created': at }).builtAt, undefined);
        assert.equal(
            parityProvenance({ 'parity.managed': 'true', 'org.opencontainers.image.created': 'yesterday' }).builtAt,
            undefined,
        );
    });

    it("puts Parity's labels apart from the others, each sorted", () => {
        assert.deepEqual(
            partitionLabels({ 'z.other': '1', 'parity.plan': 'p', 'a.other': '2', 'parity.managed': 'true' }),
            {
                parity: [
                    ['parity.managed', 'true'],
                    ['parity.plan', 'p'],
                ],
                other: [
                    ['a.other', '2'],
                    ['z.other', '1'],
                ],
            },
        );
    });

    it('recognises the engine\'s "in use" refusal and names the container', () => {
        const message =
            'Docker at unix:///var/run/docker.sock refused removing image x:1: conflict: unable to remove repository reference "x:1" (must force) - container 5a1b2c3d4e5f6a7b is using its referenced image e803ee5b157f (HTTP 409).';
        assert.deepEqual(imageInUse(message), { container: '5a1b2c3d4e5f' });
        assert.equal(
            imageInUse(
                'conflict: unable to delete e803ee5b157f (must be forced) - image is referenced in multiple repositories',
            ),
            undefined,
        );
    });
});
