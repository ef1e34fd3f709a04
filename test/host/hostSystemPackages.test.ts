import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hostSystemPackages } from '../../src/targets/host/hostSystemPackages';

const tools = { cwd: '/', env: process.env };

/** A system root holding only the files given (path relative to the root → content). */
function plantedRoot(files: Readonly<Record<string, string>>): string {
    const root = mkdtempSync(join(tmpdir(), 'parity system root '));
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
    }
    return root;
}

const STATUS = 'Package: planted\nStatus: install ok installed\nVersion: 1.0-1\n';

describe('hostSystemPackages (this machine has dpkg)', () => {
    it('reads the status file, without running dpkg-query', async () => {
        const root = plantedRoot({ 'var/lib/dpkg/status': STATUS });
        assert.deepEqual(await hostSystemPackages({ ...tools, env: { PATH: '/nonexistent' } }, root), {
            manager: 'dpkg',
            packages: { planted: '1.0-1' },
        });
    });

    it('asks dpkg-query while dpkg is mid-operation (its journal holds changes the status file lacks)', async () => {
        const root = plantedRoot({ 'var/lib/dpkg/status': STATUS, 'var/lib/dpkg/updates/0001': STATUS });
        const packages = await hostSystemPackages(tools, root);
        assert.equal(packages?.manager, 'dpkg');
        assert.equal(packages?.packages.planted, undefined);
        const machine = execFileSync('dpkg-query', ['-W', '-f', '${Package}\n'], { encoding: 'utf8' });
        assert.ok(machine.split('\n').includes('bash'));
        assert.ok(packages?.packages.bash, 'the machine list, from dpkg-query');
    });

    it("reads apk's database on a system without dpkg's", async () => {
        const root = plantedRoot({ 'lib/apk/db/installed': 'P:musl\nV:1.2.5-r0\n' });
        assert.deepEqual(await hostSystemPackages(tools, root), { manager: 'apk', packages: { musl: '1.2.5-r0' } });
    });
});
