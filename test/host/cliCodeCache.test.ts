import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
    chmodSync,
    chownSync,
    cpSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    utimesSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { PARITY_CLI } from '../support/runParity';

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'hello-node');

/** A copy of the built dist/ in a folder with a space, so a test can touch or remove its bundles. */
function distCopy(): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity dist ')), 'dist');
    cpSync(join(PARITY_CLI, '..'), folder, { recursive: true });
    return folder;
}

function parity(dist: string, cacheHome: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    const result = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env },
        timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFolder = (cacheHome: string): string => join(cacheHome, 'parity', 'code-cache');
const cacheFiles = (cacheHome: string): string[] => {
    try {
        return readdirSync(cacheFolder(cacheHome)).sort();
    } catch {
        return [];
    }
};

describe('the CLI code cache (dist/cli.js requiring dist/cli-snapshot.js or dist/cli-commands.js)', () => {
    const dist = distCopy();

    it('the first run of a command writes its cache (user-only), the next runs read it and leave it alone', () => {
        const cacheHome = mkdtempSync(join(tmpdir(), 'parity cache '));
        const first = parity(dist, cacheHome, ['snapshot', example, '--format', 'text']);
        assert.equal(first.code, 0, first.stderr);
        const files = cacheFiles(cacheHome);
        assert.equal(files.length, 1, files.join(', '));
        assert.match(files[0] ?? '', /^cli-snapshot\.snapshot\.[0-9a-f]{8}\.v\d+\.\d+\.\d+-\w+-\d+-\d+-\d+\.v8$/);
        const file = join(cacheFolder(cacheHome), files[0] ?? '');
        assert.equal(statSync(file).mode & 0o777, 0o600);
        assert.equal(statSync(cacheFolder(cacheHome)).mode & 0o777, 0o700);
        const written = statSync(file);
        const second = parity(dist, cacheHome, ['snapshot', example, '--format', 'text']);
        assert.equal(second.code, 0, second.stderr);
        const body = (text: string): string => text.slice(text.indexOf('\n'));
        assert.equal(body(second.stdout), body(first.stdout));
        const kept = statSync(file);
        assert.deepEqual(
            [kept.ino, kept.mtimeMs],
            [written.ino, written.mtimeMs],
            'an accepted cache is not rewritten',
        );
        const other = parity(dist, cacheHome, ['plan', '--help']);
        assert.equal(other.code, 0, other.stderr);
        assert.deepEqual(cacheFiles(cacheHome), files, '--help answers without the commands bundle');
    });

    it('a corrupt or empty cache costs only the compile: the command runs and the cache is written anew', () => {
        const cacheHome = mkdtempSync(join(tmpdir(), 'parity cache '));
        assert.equal(parity(dist, cacheHome, ['snapshot', example]).code, 0);
        const [name] = cacheFiles(cacheHome);
        const file = join(cacheFolder(cacheHome), name ?? '');
        for (const garbage of [Buffer.from('not a code cache'), Buffer.alloc(0)]) {
            writeFileSync(file, garbage);
            const run = parity(dist, cacheHome, ['snapshot', example]);
            assert.equal(run.code, 0, run.stderr);
            assert.equal((JSON.parse(run.stdout) as Snapshot).meta.source.ref, example);
            assert.ok(readFileSync(file).length > 10_000, 'the rejected cache was replaced');
        }
    });

    it('a rebuilt bundle gets a cache of its own and the stale one is removed; two installs keep one each', () => {
        const cacheHome = mkdtempSync(join(tmpdir(), 'parity cache '));
        const rebuilt = distCopy();
        assert.equal(parity(rebuilt, cacheHome, ['snapshot', example]).code, 0);
        const [before] = cacheFiles(cacheHome);
        const later = new Date(Date.now() + 60_000);
        utimesSync(join(rebuilt, 'cli-snapshot.js'), later, later);
        assert.equal(parity(rebuilt, cacheHome, ['snapshot', example]).code, 0);
        const after = cacheFiles(cacheHome);
        assert.equal(after.length, 1, after.join(', '));
        assert.notEqual(after[0], before);
        // Another install of Parity (the extension's beside npm's) keeps a cache of its own beside it.
        assert.equal(parity(distCopy(), cacheHome, ['snapshot', example]).code, 0);
        assert.equal(parity(rebuilt, cacheHome, ['snapshot', example]).code, 0);
        assert.equal(cacheFiles(cacheHome).length, 2, cacheFiles(cacheHome).join(', '));
        assert.ok(cacheFiles(cacheHome).includes(after[0] ?? ''), 'the first install kept its cache');
    });

    it('no cache in a folder others can write to or that belongs to another user, none when turned off', () => {
        const shared = mkdtempSync(join(tmpdir(), 'parity cache '));
        mkdirSync(cacheFolder(shared), { recursive: true });
        chmodSync(cacheFolder(shared), 0o777);
        const foreign = mkdtempSync(join(tmpdir(), 'parity cache '));
        mkdirSync(cacheFolder(foreign), { recursive: true, mode: 0o700 });
        const runsAsRoot = process.getuid?.() === 0;
        if (runsAsRoot) {
            chownSync(cacheFolder(foreign), 65534, 65534);
        }
        const off = mkdtempSync(join(tmpdir(), 'parity cache '));
        for (const [cacheHome, env] of [
            [shared, {}],
            [foreign, {}],
            [off, { PARITY_CODE_CACHE: 'off' }],
        ] as const) {
            const run = parity(dist, cacheHome, ['snapshot', example], env);
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(cacheFiles(cacheHome), [], cacheHome);
        }
        assert.ok(
            runsAsRoot || process.getuid === undefined,
            'run as root (as CI does) to hand a folder to another user',
        );
    });

    it('a cache folder that cannot be made (a file in its place) leaves the command working', () => {
        const cacheHome = mkdtempSync(join(tmpdir(), 'parity cache '));
        writeFileSync(join(cacheHome, 'parity'), 'a file, not a folder');
        const run = parity(dist, cacheHome, ['snapshot', example]);
        assert.equal(run.code, 0, run.stderr);
    });

    it('without the command bundles, --help and --version still answer; a command says which file is missing', () => {
        const partial = distCopy();
        rmSync(join(partial, 'cli-snapshot.js'));
        rmSync(join(partial, 'cli-commands.js'));
        const cacheHome = mkdtempSync(join(tmpdir(), 'parity cache '));
        assert.equal(parity(partial, cacheHome, ['--help']).code, 0);
        assert.match(parity(partial, cacheHome, ['--version']).stdout, /^\d+\.\d+\.\d+/);
        const snapshot = parity(partial, cacheHome, ['snapshot', example]);
        assert.equal(snapshot.code, 2);
        assert.match(snapshot.stderr, /^parity: .*cli-snapshot\.js/);
        // Any other command (ps would ask the engine) fails on the missing bundle before it does anything.
        const ps = parity(partial, cacheHome, ['ps']);
        assert.equal(ps.code, 2);
        assert.match(ps.stderr, /^parity: .*cli-commands\.js/);
    });
});
