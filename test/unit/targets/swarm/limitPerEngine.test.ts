import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitPerEngine } from '../../../../src/targets/swarm/limitPerEngine';

describe('limitPerEngine', () => {
    it('runs at most `limit` tasks at once per key, every task in the end, keys independent of each other', async () => {
        const limited = limitPerEngine<string>(2);
        const active = new Map<string, number>();
        const peak = new Map<string, number>();
        const releases: (() => void)[] = [];
        const task = (key: string, value: number) =>
            limited(key, async () => {
                active.set(key, (active.get(key) ?? 0) + 1);
                peak.set(key, Math.max(peak.get(key) ?? 0, active.get(key) ?? 0));
                await new Promise<void>((resolve) => releases.push(resolve));
                active.set(key, (active.get(key) ?? 0) - 1);
                return value;
            });
        const all = Promise.all([task('a', 1), task('a', 2), task('a', 3), task('a', 4), task('b', 5), task('b', 6)]);
        while ([...active.values()].reduce((sum, n) => sum + n, 0) > 0 || releases.length > 0) {
            await new Promise((resolve) => setImmediate(resolve));
            releases.splice(0).forEach((release) => release());
        }
        assert.deepEqual(await all, [1, 2, 3, 4, 5, 6]);
        assert.deepEqual([peak.get('a'), peak.get('b')], [2, 2]);
    });

    it('a failing task frees its place', async () => {
        const limited = limitPerEngine<string>(1);
        await assert.rejects(
            limited('a', () => Promise.reject(new Error('probe failed'))),
            /probe failed/,
        );
        assert.equal(await limited('a', () => Promise.resolve('next')), 'next');
    });
});
