import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parityPurpose } from '../../../../src/core/containers/parityPurpose';

describe('parityPurpose: only labels a container was given itself count', () => {
    const sandbox = {
        'parity.container': 'parity-sandbox-shop-abc123',
        'parity.managed': 'true',
        'parity.purpose': 'sandbox',
    };

    it("a container Parity created, from an image without its labels or with Parity's build labels", () => {
        assert.equal(parityPurpose(sandbox, {}), 'sandbox');
        assert.equal(parityPurpose(sandbox, { 'parity.managed': 'true', 'parity.plan': 'abc' }), 'sandbox');
        assert.equal(
            parityPurpose(
                { 'parity.container': 'parity-probe-1', 'parity.purpose': 'probe' },
                { 'parity.purpose': 'sandbox' },
            ),
            'probe',
        );
        assert.equal(parityPurpose({ 'parity.container': 'old' }, {}), 'unknown');
    });

    it('a plain run of an image Parity built inherits parity.managed and parity.purpose, not parity.container', () => {
        assert.equal(
            parityPurpose(
                { 'parity.managed': 'true', 'parity.purpose': 'sandbox' },
                { 'parity.managed': 'true', 'parity.purpose': 'sandbox' },
            ),
            null,
        );
        assert.equal(parityPurpose(null, {}), null);
        assert.equal(parityPurpose({ 'parity.container': '' }, {}), null);
    });

    it('an image that carries every Parity label, parity.container included, gives its containers none of them', () => {
        assert.equal(parityPurpose(sandbox, sandbox), null);
    });

    it("Parity's own container from such an image still counts: its name is not the image's value", () => {
        assert.equal(
            parityPurpose({ ...sandbox, 'parity.container': 'parity-sandbox-evil-d00d00' }, sandbox),
            'sandbox',
        );
    });

    it('when the image is gone its labels cannot be told apart, so the container does not count', () => {
        assert.equal(parityPurpose(sandbox, null), null);
    });
});
