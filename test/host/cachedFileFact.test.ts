import assert from 'node:assert/strict';
import {
    chmodSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    statSync,
    symlinkSync,
    utimesSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cachedFileFact } from '../../src/targets/host/cachedFileFact';

const isText = (value: unknown): value is string => typeof value === 'string';

/** A source file, a private cache home, and a fact that counts how often it was derived (the file's text). */
function setUp(text = 'version 1\n') {
    const folder = mkdtempSync(join(tmpdir(), 'parity fact '));
    const source = join(folder, 'status');
    writeFileSync(source, text);
    const env = { XDG_CACHE_HOME: join(folder, 'cache home') };
    let derived = 0;
    const fact = (path = source, guard = isText) =>
        cachedFileFact(
            'status-text',
            path,
            () => {
                derived += 1;
                return Promise.resolve(readFileSync(path, 'utf8'));
            },
            guard,
            env,
        );
    return { folder, source, env, fact, derived: () => derived };
}

describe('cachedFileFact', () => {
    it('derives a fact once and reads it back while the file stays the same (a private folder, mode 700)', async () => {
        const { env, fact, derived } = setUp();
        assert.equal(await fact(), 'version 1\n');
        assert.equal(await fact(), 'version 1\n');
        assert.equal(derived(), 1);
        const folder = join(env.XDG_CACHE_HOME, 'parity', 'facts');
        assert.deepEqual(readdirSync(folder), ['status-text.json']);
        assert.equal(statSync(folder).mode & 0o777, 0o700);
    });

    it('derives it again when the file changes, even to the same size with its old modification time', async () => {
        const { source, fact, derived } = setUp();
        await fact();
        const before = statSync(source);
        writeFileSync(source, 'version 2\n');
        utimesSync(source, before.atime, before.mtime);
        assert.equal(await fact(), 'version 2\n');
        assert.equal(derived(), 2);
    });

    it('derives it again for another file under the same name, and for a damaged or rejected entry', async () => {
        const { folder, env, fact, derived } = setUp();
        await fact();
        const other = join(folder, 'other');
        writeFileSync(other, 'other\n');
        assert.equal(await fact(other), 'other\n');
        assert.equal(derived(), 2);
        const entry = join(env.XDG_CACHE_HOME, 'parity', 'facts', 'status-text.json');
        writeFileSync(entry, '{ not json');
        assert.equal(await fact(other), 'other\n');
        assert.equal(derived(), 3);
        const kept = JSON.parse(readFileSync(entry, 'utf8')) as { value: unknown };
        writeFileSync(entry, JSON.stringify({ ...kept, value: 42 }));
        assert.equal(await fact(other), 'other\n', 'a kept value of the wrong shape is not believed');
        assert.equal(derived(), 4);
    });

    it('keeps nothing in a cache folder others may write to, and derives every time', async () => {
        const { env, fact, derived } = setUp();
        const folder = join(env.XDG_CACHE_HOME, 'parity', 'facts');
        mkdirSync(folder, { recursive: true });
        chmodSync(folder, 0o777);
        await fact();
        await fact();
        assert.equal(derived(), 2);
        assert.deepEqual(readdirSync(folder), []);
    });

    it('keeps nothing through a planted link from the cache folder to a folder others may write to', async () => {
        const { folder, source, env, fact, derived } = setUp();
        // A genuine entry for this very file, made elsewhere, with its value changed: only the folder gives it away.
        const elsewhere = { XDG_CACHE_HOME: join(folder, 'elsewhere') };
        await cachedFileFact('status-text', source, () => Promise.resolve('version 1\n'), isText, elsewhere);
        const genuine = readFileSync(join(elsewhere.XDG_CACHE_HOME, 'parity', 'facts', 'status-text.json'), 'utf8');
        const shared = join(folder, 'shared');
        mkdirSync(shared);
        chmodSync(shared, 0o777);
        writeFileSync(join(shared, 'status-text.json'), genuine.replace('version 1', 'planted'));
        mkdirSync(join(env.XDG_CACHE_HOME, 'parity'), { recursive: true });
        symlinkSync(shared, join(env.XDG_CACHE_HOME, 'parity', 'facts'));
        assert.equal(await fact(), 'version 1\n', 'the planted entry is not read');
        await fact();
        assert.equal(derived(), 2);
        assert.deepEqual(readdirSync(shared), ['status-text.json']);
        assert.match(readFileSync(join(shared, 'status-text.json'), 'utf8'), /planted/);
    });

    it('a missing source is derived (to whatever derive says), never kept', async () => {
        const { folder, env, derived } = setUp();
        const missing = join(folder, 'missing');
        const answer = await cachedFileFact('gone', missing, () => Promise.resolve('none'), isText, env);
        assert.equal(answer, 'none');
        assert.equal(derived(), 0);
        assert.equal(existsSync(join(env.XDG_CACHE_HOME, 'parity', 'facts', 'gone.json')), false);
    });
});
