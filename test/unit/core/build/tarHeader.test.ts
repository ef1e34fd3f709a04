import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { paddingFor, TAR_END, type TarMember, tarHeader } from '../../../../src/core/build/tarHeader';
import { readTarEntries } from '../../../../src/core/probe/readTarFile';

function archive(members: readonly (TarMember & { content?: Buffer })[]): Buffer {
    return Buffer.concat([
        ...members.flatMap((member) => [
            tarHeader(member),
            member.content ?? Buffer.alloc(0),
            Buffer.alloc(paddingFor(member.size)),
        ]),
        TAR_END,
    ]);
}

describe('tarHeader', () => {
    const longDir = `${'d'.repeat(120)}/`;
    const members = [
        { name: 'src/', type: 'directory', size: 0, mode: 0o40755, mtime: 1_700_000_000 },
        {
            name: 'src/index.js',
            type: 'file',
            size: 6,
            mode: 0o100644,
            mtime: 1_700_000_000.7,
            content: Buffer.from('hello\n'),
        },
        {
            name: `${longDir}file.txt`,
            type: 'file',
            size: 600,
            mode: 0o644,
            mtime: 0,
            content: Buffer.alloc(600, 0x61),
        },
        { name: `${'n'.repeat(130)}.txt`, type: 'file', size: 1, mode: 0o600, mtime: 0, content: Buffer.from('x') },
        { name: 'ünïcødé.txt', type: 'file', size: 0, mode: 0o644, mtime: 0 },
        { name: 'link', type: 'symlink', size: 0, mode: 0o777, mtime: 0, linkTarget: `../${'t'.repeat(150)}` },
    ] as const satisfies readonly (TarMember & { content?: Buffer })[];

    it('writes members a tar reader reads back: folders, block padding, long names (prefix split and PAX), UTF-8, long link targets', () => {
        const entries = readTarEntries(archive(members));
        assert.deepEqual(
            entries.map((entry) => [entry.name, entry.type, entry.content.length, entry.linkTarget]),
            [
                ['src/', 'directory', 0, null],
                ['src/index.js', 'file', 6, null],
                [`${longDir}file.txt`, 'file', 600, null],
                [`${'n'.repeat(130)}.txt`, 'file', 1, null],
                ['ünïcødé.txt', 'file', 0, null],
                ['link', 'symlink', 0, `../${'t'.repeat(150)}`],
            ],
        );
        assert.equal(entries[1]?.content.toString(), 'hello\n');
    });

    it('GNU tar accepts the archive (checksums, owners 0:0, modes)', (t) => {
        const listing = spawnSync('tar', ['-tvf', '-'], { input: archive(members), encoding: 'utf8' });
        if (listing.error) {
            t.skip('no tar command here');
            return;
        }
        assert.equal(listing.status, 0, listing.stderr);
        const lines = listing.stdout.trim().split('\n');
        assert.equal(lines.length, members.length);
        assert.match(lines[0] ?? '', /^drwxr-xr-x 0\/0 +0 \d{4}-\d\d-\d\d \d\d:\d\d src\/$/);
        assert.match(lines[1] ?? '', /^-rw-r--r-- 0\/0 +6 .* src\/index\.js$/);
        assert.match(lines[5] ?? '', /^lrwxrwxrwx 0\/0 .* link -> \.\.\/t{150}$/);
    });

    it('pads to whole blocks', () => {
        assert.deepEqual([0, 1, 511, 512, 513].map(paddingFor), [0, 511, 1, 0, 511]);
        assert.equal(tarHeader(members[0]).length, 512);
        assert.equal(tarHeader(members[3]).length, 512 * 3, 'a PAX header block, its records, then the header');
    });
});
