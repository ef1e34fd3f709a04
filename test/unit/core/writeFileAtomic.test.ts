import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFileAtomic } from '../../../src/core/writeFileAtomic';

describe('writeFileAtomic', () => {
    it('creates folders, replaces content and leaves no temporary file', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'parity-atomic-'));
        const file = join(dir, '.parity', 'local.snapshot.json');
        await writeFileAtomic(file, 'one\n');
        await writeFileAtomic(file, 'two\n');
        assert.equal(readFileSync(file, 'utf8'), 'two\n');
        assert.deepEqual(readdirSync(join(dir, '.parity')), ['local.snapshot.json']);
    });

    it('a failed write leaves the old file as it was', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'parity-atomic-'));
        const file = join(dir, 'target');
        writeFileSync(file, 'old');
        // A folder where the file should go makes the rename fail after the temporary file was written.
        const blocked = join(dir, 'blocked');
        await writeFileAtomic(join(blocked, 'x'), 'made a folder');
        await assert.rejects(writeFileAtomic(blocked, 'new'));
        assert.equal(readFileSync(file, 'utf8'), 'old');
        assert.deepEqual(readdirSync(dir).sort(), ['blocked', 'target']);
    });
});
