import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BuildError } from '../../../../src/core/build/BuildError';
import { createBuildContext } from '../../../../src/engine/build/buildContext';

const SECRET = '-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAA';

/** A project folder next to a file standing in for ~/.ssh/id_rsa. */
function folderNextToKey(): { folder: string; key: string } {
    const base = mkdtempSync(join(tmpdir(), 'parity context '));
    const folder = join(base, 'app');
    mkdirSync(folder);
    const key = join(base, 'id_rsa');
    writeFileSync(key, `${SECRET}\n`);
    return { folder, key };
}

function refusal(name: string): (error: unknown) => boolean {
    return (error) => {
        assert.ok(error instanceof BuildError);
        assert.match(
            error.message,
            new RegExp(`^${name} in .* links outside the build context; Parity does not read it`),
        );
        assert.ok(!error.message.includes('OPENSSH'), "the file's content never reaches a message");
        return true;
    };
}

describe('createBuildContext: Dockerfile and .dockerignore are never read through a link out of the folder', () => {
    it('a Dockerfile linking to a private key: an error naming the Dockerfile', async () => {
        const { folder, key } = folderNextToKey();
        symlinkSync(key, join(folder, 'Dockerfile'));
        await assert.rejects(createBuildContext(folder), refusal('Dockerfile'));
    });

    it('a .dockerignore linking out: an error naming it, the key never parsed as patterns', async () => {
        const { folder, key } = folderNextToKey();
        writeFileSync(join(folder, 'Dockerfile'), 'FROM busybox\n');
        symlinkSync(key, join(folder, '.dockerignore'));
        await assert.rejects(createBuildContext(folder), refusal('.dockerignore'));
    });

    it('a .dockerignore linking to /dev/zero is refused at once, not read without end', async () => {
        const { folder } = folderNextToKey();
        writeFileSync(join(folder, 'Dockerfile'), 'FROM busybox\n');
        symlinkSync('/dev/zero', join(folder, '.dockerignore'));
        await assert.rejects(createBuildContext(folder), refusal('.dockerignore'));
    });

    it('a link that stays inside the folder is read as before', async () => {
        const { folder } = folderNextToKey();
        writeFileSync(join(folder, 'Dockerfile'), 'FROM busybox\n');
        writeFileSync(join(folder, 'ignore.txt'), 'secret.txt\n');
        writeFileSync(join(folder, 'secret.txt'), 'x');
        symlinkSync('ignore.txt', join(folder, '.dockerignore'));
        const context = await createBuildContext(folder);
        assert.ok(!context.members.includes('secret.txt'));
        assert.equal(await context.readText('Dockerfile'), 'FROM busybox\n');
    });
});
