import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffStatusText } from '../../../../src/vscode/diff/diffStatusText';

describe('diffStatusText', () => {
    it('every severity with its count, zeros too', () => {
        assert.equal(diffStatusText({ error: 2, warning: 0, info: 14 }), '$(diff) $(error) 2 $(warning) 0 $(info) 14');
    });

    it('a check when nothing differs', () => {
        assert.equal(diffStatusText({ error: 0, warning: 0, info: 0 }), '$(diff) $(check)');
    });
});
