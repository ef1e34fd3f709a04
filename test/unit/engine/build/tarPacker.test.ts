import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { BuildError } from '../../../../src/core/build/BuildError';
import { loadTarPacker, type TarMember } from '../../../../src/engine/build/tarPacker';
import { readTarEntries } from '../../../../src/engine/readTarEntries';

async function bytesOf(stream: Readable): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

describe('tarPacker (tar-stream)', () => {
    const dirs: string[] = [];
    after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const longDir = `${'d'.repeat(120)}/`;
    const members: TarMember[] = [
        { name: 'src/', type: 'directory', size: 0, mode: 0o40755, mtime: 1_700_000_000 },
        {
            name: 'src/index.js',
            type: 'file',
            size: 6,
            mode: 0o100644,
            mtime: 1_700_000_000.7,
            buffer: Buffer.from('hello\n'),
        },
        { name: `${longDir}file.txt`, type: 'file', size: 600, mode: 0o644, mtime: 0, buffer: Buffer.alloc(600, 0x61) },
        { name: `${'n'.repeat(130)}.txt`, type: 'file', size: 1, mode: 0o600, mtime: 0, buffer: Buffer.from('x') },
        { name: 'ünïcødé "quoted" \\ tab\t.txt', type: 'file', size: 0, mode: 0o644, mtime: 0 },
        { name: 'link', type: 'symlink', size: 0, mode: 0o777, mtime: 0, linkTarget: `../${'t'.repeat(150)}` },
        { name: 'outside', type: 'symlink', size: 0, mode: 0o777, mtime: 0, linkTarget: '/etc/passwd' },
    ];

    it('writes members a tar reader reads back: folders, block padding, long names (prefix split and PAX), odd characters, long link targets; the size is known before', async () => {
        const packer = await loadTarPacker();
        const tar = await bytesOf(packer.open(members));
        assert.equal(packer.sizeOf(members), tar.length, 'the size reported before packing is the size written');
        const entries = await readTarEntries([tar], tar.length);
        assert.deepEqual(
            entries.map((entry) => [entry.name, entry.type, entry.content.length, entry.linkTarget]),
            [
                ['src/', 'directory', 0, null],
                ['src/index.js', 'file', 6, null],
                [`${longDir}file.txt`, 'file', 600, null],
                [`${'n'.repeat(130)}.txt`, 'file', 1, null],
                ['ünïcødé "quoted" \\ tab\t.txt', 'file', 0, null],
                ['link', 'symlink', 0, `../${'t'.repeat(150)}`],
                ['outside', 'symlink', 0, '/etc/passwd'],
            ],
        );
        assert.equal(entries[1]?.content.toString(), 'hello\n');
    });

    it('GNU tar accepts the archive (checksums, owners 0:0, modes, links not followed)', async () => {
        const tar = await bytesOf((await loadTarPacker()).open(members));
        const listing = spawnSync('tar', ['-tvf', '-'], { input: tar, encoding: 'utf8' });
        assert.ifError(listing.error);
        assert.equal(listing.status, 0, listing.stderr);
        const lines = listing.stdout.trim().split('\n');
        assert.equal(lines.length, members.length);
        assert.match(lines[0] ?? '', /^drwxr-xr-x 0\/0 +0 \d{4}-\d\d-\d\d \d\d:\d\d src\/$/);
        assert.match(lines[1] ?? '', /^-rw-r--r-- 0\/0 +6 .* src\/index\.js$/);
        assert.match(lines[5] ?? '', /^lrwxrwxrwx 0\/0 .* link -> \.\.\/t{150}$/);
        assert.match(lines[6] ?? '', /^lrwxrwxrwx 0\/0 .* outside -> \/etc\/passwd$/);
    });

    it('streams files from disk; a file that shrinks after the walk fails with a BuildError, one that grows is cut to its walked size', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'parity-tar-'));
        dirs.push(dir);
        const path = join(dir, 'data.bin');
        writeFileSync(path, Buffer.alloc(300_000, 0x62));
        const member: TarMember = {
            name: 'data.bin',
            type: 'file',
            size: 300_000,
            mode: 0o644,
            mtime: 0,
            source: path,
        };
        const packer = await loadTarPacker();
        writeFileSync(path, Buffer.alloc(400_000, 0x62));
        const grown = await readTarEntries([await bytesOf(packer.open([member]))], 1024 ** 2);
        assert.equal(grown[0]?.content.length, 300_000);
        truncateSync(path, 1000);
        const small: TarMember = { ...member, name: 'small.txt', size: 2000 };
        for (const shrunk of [member, small]) {
            await assert.rejects(
                bytesOf(packer.open([shrunk])),
                (error: unknown) =>
                    error instanceof BuildError &&
                    error.kind === 'context' &&
                    error.message.startsWith(`${shrunk.name} got shorter`),
                `${shrunk.size} bytes (${shrunk.size > 256 * 1024 ? 'streamed' : 'read whole'})`,
            );
        }
        const cut = await readTarEntries([await bytesOf(packer.open([{ ...small, size: 500 }]))], 1024 ** 2);
        assert.equal(cut[0]?.content.length, 500, 'a small file that grew is cut to its walked size too');
    });
});
