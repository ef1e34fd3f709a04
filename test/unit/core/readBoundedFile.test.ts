import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readBoundedFile, readBoundedFileSync } from '../../../src/core/readBoundedFile';

describe('readBoundedFile: a file is read only when it is small, regular and where it should be', () => {
    const base = mkdtempSync(join(tmpdir(), 'parity bounded '));
    const inside = join(base, 'project');
    mkdirSync(join(inside, 'sub'), { recursive: true });
    writeFileSync(join(inside, 'a.txt'), 'hello');
    writeFileSync(join(base, 'secret'), 'top secret');
    symlinkSync('../a.txt', join(inside, 'sub', 'link-in'));
    symlinkSync('../secret', join(inside, 'link-out'));
    symlinkSync('/dev/zero', join(inside, 'zero'));

    for (const [name, read] of [
        ['async', readBoundedFile],
        ['sync', readBoundedFileSync],
    ] as const) {
        it(`${name}: text, a link that stays inside, and a missing file`, async () => {
            const ok = await read(join(inside, 'sub', 'link-in'), { maxBytes: 100, within: inside });
            assert.equal(ok.kind === 'ok' ? ok.bytes.toString() : ok.kind, 'hello');
            assert.equal((await read(join(inside, 'nope'), { maxBytes: 100, within: inside })).kind, 'missing');
        });

        it(`${name}: a link out of the folder is refused, not followed`, async () => {
            const out = await read(join(inside, 'link-out'), { maxBytes: 100, within: inside });
            assert.deepEqual(out, { kind: 'outside', realPath: join(base, 'secret') });
        });

        it(`${name}: /dev/zero is not a file, and a file over the cap is refused`, async () => {
            const started = performance.now();
            assert.equal((await read(join(inside, 'zero'), { maxBytes: 100 })).kind, 'not-a-file');
            assert.ok(performance.now() - started < 1000);
            assert.deepEqual(await read(join(inside, 'a.txt'), { maxBytes: 4 }), { kind: 'too-large', size: 5 });
        });
    }
});
