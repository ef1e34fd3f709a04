import assert from 'node:assert/strict';
import {
    chmodSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { EnvHashKeyError } from '../../../../src/core/snapshot/EnvHashKeyError';
import { envHashKeyPath, userEnvHashKey } from '../../../../src/core/snapshot/userEnvHashKey';

const root = mkdtempSync(join(tmpdir(), 'parity-env-key-'));
after(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshPath = (): string => join(root, String(++count), 'parity', 'env-hash.key');

describe('userEnvHashKey', () => {
    it('creates the key file 0600 in a 0700 folder, leaves no temporary file, and reuses it', async () => {
        const path = freshPath();
        const first = await userEnvHashKey(path);
        assert.equal(statSync(path).mode & 0o777, 0o600);
        assert.equal(statSync(dirname(path)).mode & 0o777, 0o700);
        assert.deepEqual(readdirSync(dirname(path)), ['env-hash.key']);
        assert.equal(readFileSync(path, 'utf8'), `${first.revealHex()}\n`);
        const again = await userEnvHashKey(path);
        assert.equal(again.id, first.id);
        assert.equal(again.revealHex(), first.revealHex());
    });

    it('captures racing to create it all end with one key', async () => {
        const path = freshPath();
        const keys = await Promise.all(Array.from({ length: 8 }, () => userEnvHashKey(path)));
        assert.equal(new Set(keys.map((key) => key.id)).size, 1);
    });

    it('refuses a symbolic link, even to a valid key file of the user', async () => {
        const path = freshPath();
        const real = join(root, 'real.key');
        writeFileSync(real, `${EnvHashKey.generate().revealHex()}\n`, { mode: 0o600 });
        mkdirSync(dirname(path), { recursive: true });
        symlinkSync(real, path);
        await assert.rejects(
            userEnvHashKey(path),
            (error: unknown) =>
                error instanceof EnvHashKeyError &&
                /is a symbolic link/.test(error.message) &&
                error.message.includes(path),
        );
    });

    it('refuses a key file open to others, names the mode and the fix, and never shows the key', async () => {
        for (const mode of [0o666, 0o644, 0o620]) {
            const path = freshPath();
            const key = await userEnvHashKey(path);
            chmodSync(path, mode);
            await assert.rejects(userEnvHashKey(path), (error: unknown) => {
                assert.ok(error instanceof EnvHashKeyError);
                assert.match(
                    error.message,
                    new RegExp(`open to other users \\(mode 0${mode.toString(8)}\\).*chmod 600`),
                );
                assert.ok(!error.message.includes(key.revealHex()));
                return true;
            });
        }
    });

    it('refuses a file that holds no key, without quoting it', async () => {
        const path = freshPath();
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, 'not-a-key-secret-looking-text\n', { mode: 0o600 });
        await assert.rejects(
            userEnvHashKey(path),
            (error: unknown) =>
                error instanceof EnvHashKeyError &&
                /does not hold a key/.test(error.message) &&
                !error.message.includes('secret-looking'),
        );
    });

    it("lives in the user's config folder as each OS names it", () => {
        assert.equal(
            envHashKeyPath({ XDG_CONFIG_HOME: '/x/config' }, 'linux', '/home/u'),
            '/x/config/parity/env-hash.key',
        );
        assert.equal(
            envHashKeyPath({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u'),
            '/home/u/.config/parity/env-hash.key',
        );
        assert.equal(
            envHashKeyPath({}, 'darwin', '/Users/u'),
            '/Users/u/Library/Application Support/parity/env-hash.key',
        );
        assert.match(
            envHashKeyPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'),
            /parity.env-hash\.key$/,
        );
    });
});
