import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAge } from '../../../src/core/formatAge';

describe('formatAge', () => {
    const now = Date.UTC(2026, 10, 27, 12);
    it('reads like the Docker CLI', () => {
        assert.equal(formatAge(now, now), 'just now');
        assert.equal(formatAge(now + 5000, now), 'just now');
        assert.equal(formatAge(now - 1000, now), '1 second ago');
        assert.equal(formatAge(now - 90_000, now), '1 minute ago');
        assert.equal(formatAge(now - 3 * 3600_000, now), '3 hours ago');
        assert.equal(formatAge(now - 2 * 86_400_000, now), '2 days ago');
        assert.equal(formatAge(now - 400 * 86_400_000, now), '1 year ago');
    });
});
