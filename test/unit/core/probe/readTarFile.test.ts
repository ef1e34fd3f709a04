import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTarEntries, readTarFile } from '../../../../src/core/probe/readTarFile';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'probe');
const tar = (name: string): Buffer => readFileSync(join(fixtures, name));
const LONG = `dir/${'x'.repeat(120)}.txt`;

describe('readTarEntries', () => {
    for (const format of ['gnu', 'pax']) {
        it(`reads a ${format} archive: folders, files over a block, long names, links`, () => {
            const entries = readTarEntries(tar(`${format}.tar`));
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

    it("reads the engine's archive of a file and of a link (captured with docker cp, the same API)", () => {
        const link = readTarFile(tar('engine-os-release-link.tar'));
        assert.deepEqual(
            { name: link?.name, type: link?.type, linkTarget: link?.linkTarget },
            { name: 'os-release', type: 'symlink', linkTarget: '../usr/lib/os-release' },
        );
        const file = readTarFile(tar('engine-os-release.tar'));
        assert.equal(file?.type, 'file');
        assert.match(file?.content.toString() ?? '', /^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"$/m);
    });

    it('an empty or cut-off archive gives what is there, never throws', () => {
        assert.equal(readTarFile(Buffer.alloc(0)), null);
        assert.equal(readTarFile(Buffer.alloc(1024)), null);
        const cut = tar('gnu.tar').subarray(0, 700);
        assert.equal(readTarEntries(cut)[0]?.name, 'dir/');
    });
});
