import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTarEntries, TarTooLargeError } from '../../../src/engine/readTarEntries';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'probe');
const tar = (name: string): Buffer => readFileSync(join(fixtures, name));
const LONG = `dir/${'x'.repeat(120)}.txt`;
const read = (bytes: Buffer, maxBytes = 64 * 1024 ** 2): ReturnType<typeof readTarEntries> =>
    // In small chunks, as the engine's response arrives.
    readTarEntries(
        Array.from({ length: Math.ceil(bytes.length / 700) }, (_, i) => bytes.subarray(i * 700, (i + 1) * 700)),
        maxBytes,
    );

describe('readTarEntries (tar-stream)', () => {
    for (const format of ['gnu', 'pax']) {
        it(`reads a ${format} archive: folders, files over a block, long names, links`, async () => {
            const entries = await read(tar(`${format}.tar`));
            const byName = new Map(entries.map((entry) => [entry.name, entry]));
            assert.equal(byName.get('dir/')?.type, 'directory');
            assert.equal(byName.get('dir/hello.txt')?.content.toString(), 'hello\n');
            assert.equal(byName.get(LONG)?.content.toString(), 'long\n', 'a name over 100 characters');
            const big = byName.get('dir/big.txt')?.content.toString() ?? '';
            assert.equal(big.length, 1736, 'a file spanning several 512-byte blocks');
            assert.match(big, /^[A-Za-z0-9+/=]+$/);
            assert.deepEqual(
                { ...byName.get('dir/link'), content: undefined },
                { name: 'dir/link', type: 'symlink', content: undefined, linkTarget: 'hello.txt' },
            );
            assert.equal(entries.length, 5);
        });
    }

    it("reads the engine's archive of a file and of a link (captured with docker cp, the same API)", async () => {
        const [link] = await read(tar('engine-os-release-link.tar'));
        assert.deepEqual(
            { name: link?.name, type: link?.type, linkTarget: link?.linkTarget },
            { name: 'os-release', type: 'symlink', linkTarget: '../usr/lib/os-release' },
        );
        const [file] = await read(tar('engine-os-release.tar'));
        assert.equal(file?.type, 'file');
        assert.match(file?.content.toString() ?? '', /^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"$/m);
    });

    it('an empty archive has no members; a cut-off one is an error, never a silently shortened file', async () => {
        assert.deepEqual(await read(Buffer.alloc(0)), []);
        assert.deepEqual(await read(Buffer.alloc(1024)), []);
        await assert.rejects(read(tar('gnu.tar').subarray(0, 700)), /Unexpected end of data/);
    });

    it('stops reading past the byte limit', async () => {
        const archive = tar('gnu.tar');
        await assert.rejects(read(archive, archive.length - 1), TarTooLargeError);
        assert.equal((await read(archive, archive.length)).length, 5);
    });
});
