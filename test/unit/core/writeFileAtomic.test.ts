import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

    it('writes through a symbolic link, and in place into something that is not a regular file', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'parity-atomic-'));
        writeFileSync(join(dir, 'real.json'), 'old');
        symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
        await writeFileAtomic(join(dir, 'link.json'), 'new');
        assert.equal(readFileSync(join(dir, 'real.json'), 'utf8'), 'new');
        assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), 'the link is still a link');
        await writeFileAtomic('/dev/null', 'discarded');
        assert.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still the device');
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
