import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMiB, parseSize } from '../../../../src/core/sandbox/parseSize';

describe('parseSize', () => {
    it('reads sizes as docker run --memory does (binary units)', () => {
        assert.equal(parseSize('512m'), 512 * 1024 * 1024);
        assert.equal(parseSize('512M'), 512 * 1024 * 1024);
        assert.equal(parseSize('512MiB'), 512 * 1024 * 1024);
        assert.equal(parseSize('512mb'), 512 * 1024 * 1024);
        assert.equal(parseSize('1g'), 1024 ** 3);
        assert.equal(parseSize('1.5G'), 1.5 * 1024 ** 3);
        assert.equal(parseSize('64k'), 65536);
        assert.equal(parseSize('1048576'), 1048576);
    });

    it('refuses what is not a size', () => {
        for (const text of ['', 'abc', '-1m', '0', '12x', 'm', '1 2m']) {
            assert.equal(parseSize(text), null, text);
        }
    });

    it('formats MiB', () => {
        assert.equal(formatMiB(512 * 1024 * 1024), '512 MiB');
        assert.equal(formatMiB(1.5 * 1024 * 1024), '1.5 MiB');
    });
});
