import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { hashEnvValue } from '../../../../src/core/snapshot/hashEnvValue';

const plain = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('hashEnvValue (keyed)', () => {
    it('a short value no longer hashes to sha256("NAME=value"), and differs between keys', () => {
        const [a, b] = [EnvHashKey.generate(), EnvHashKey.generate()];
        for (const [name, value] of [
            ['DEBUG', 'true'],
            ['PIN', '1234'],
            ['PASSWORD', 'hunter2'],
            ['EMPTY', ''],
        ] as const) {
            assert.notEqual(hashEnvValue(a, name, value), plain(`${name}=${value}`));
            assert.notEqual(hashEnvValue(a, name, value), hashEnvValue(b, name, value));
            assert.equal(hashEnvValue(a, name, value), hashEnvValue(a, name, value));
        }
    });

    it("is sha256 of the key's 64 hex digits followed by NAME=value — what the sh probe computes", () => {
        const key = EnvHashKey.fromHex('ab'.repeat(32));
        assert.ok(key);
        assert.equal(hashEnvValue(key, 'DEBUG', 'true'), plain(`${'ab'.repeat(32)}DEBUG=true`));
        assert.equal(key.id, createHash('sha256').update(Buffer.alloc(32, 0xab)).digest('hex').slice(0, 16));
    });

    it('the key shows only its id when printed, serialised or inspected', () => {
        const key = EnvHashKey.generate();
        assert.match(key.id, /^[0-9a-f]{16}$/);
        for (const shown of [JSON.stringify({ key }), String(key), inspect(key), inspect({ nested: { key } })]) {
            assert.ok(!shown.includes(key.revealHex()), shown);
            assert.ok(shown.includes(key.id), shown);
        }
    });

    it('fromHex takes exactly 64 lowercase hex digits', () => {
        for (const text of ['', 'ab'.repeat(31), 'AB'.repeat(32), `${'ab'.repeat(32)}00`, `${'ab'.repeat(31)}zz`]) {
            assert.equal(EnvHashKey.fromHex(text), null, text);
        }
    });

    it('property: never throws, always 64 hex digits; different keys give different hashes', () => {
        fc.assert(
            fc.property(
                fc.string(),
                fc.string({ unit: 'grapheme' }),
                fc.uint8Array({ minLength: 32, maxLength: 32 }),
                fc.uint8Array({ minLength: 32, maxLength: 32 }),
                (name, value, first, second) => {
                    const a = EnvHashKey.fromHex(Buffer.from(first).toString('hex'));
                    const b = EnvHashKey.fromHex(Buffer.from(second).toString('hex'));
                    assert.ok(a && b);
                    const hash = hashEnvValue(a, name, value);
                    assert.match(hash, /^[0-9a-f]{64}$/);
                    assert.equal(hash === hashEnvValue(b, name, value), Buffer.compare(first, second) === 0);
                },
            ),
            { numRuns: 2000 },
        );
    });
});
