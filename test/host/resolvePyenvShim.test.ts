import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolvePyenvShim } from '../../src/targets/host/resolvePyenvShim';

/** A pyenv root laid out as pyenv lays it out, with shims first on PATH. */
function fakePyenv(
    versions: string[],
    globalVersion?: string,
): { root: string; env: NodeJS.ProcessEnv; project: string } {
    const root = mkdtempSync(join(tmpdir(), 'parity-pyenv-'));
    mkdirSync(join(root, 'shims'));
    writeFileSync(join(root, 'shims', 'python3'), '#!/usr/bin/env bash\nexec pyenv exec python3 "$@"\n');
    chmodSync(join(root, 'shims', 'python3'), 0o755);
    for (const version of versions) {
        mkdirSync(join(root, 'versions', version, 'bin'), { recursive: true });
        writeFileSync(join(root, 'versions', version, 'bin', 'python3'), '');
    }
    if (globalVersion) {
        writeFileSync(join(root, 'version'), `${globalVersion}\n`);
    }
    const project = join(root, 'work', 'app', 'src');
    mkdirSync(project, { recursive: true });
    return { root, project, env: { PATH: `${join(root, 'shims')}:/usr/bin:/bin`, PYENV_ROOT: root } };
}

describe("resolvePyenvShim: pyenv's choice without running the shim", () => {
    it('.python-version in a parent folder wins over the global version', () => {
        const { root, env, project } = fakePyenv(['3.11.7', '3.12.1'], '3.11.7');
        writeFileSync(join(root, 'work', 'app', '.python-version'), '3.12.1\n');
        assert.deepEqual(resolvePyenvShim('python3', project, env), {
            kind: 'executable',
            path: join(root, 'versions', '3.12.1', 'bin', 'python3'),
        });
    });

    it('PYENV_VERSION beats every file; a prefix picks the newest matching install', () => {
        const { root, env, project } = fakePyenv(['3.12.1', '3.12.10', '3.12.9'], '3.11.7');
        writeFileSync(join(root, 'work', '.python-version'), '3.11.7\n');
        assert.deepEqual(resolvePyenvShim('python3', project, { ...env, PYENV_VERSION: '3.12' }), {
            kind: 'executable',
            path: join(root, 'versions', '3.12.10', 'bin', 'python3'),
        });
    });

    it('gives up (so the shim itself runs) for "system", a missing version, or no shim on PATH', () => {
        const { root, env, project } = fakePyenv(['3.12.1'], 'system');
        assert.deepEqual(resolvePyenvShim('python3', project, env), { kind: 'shim' });
        writeFileSync(join(root, 'work', '.python-version'), '3.9.18\n');
        assert.deepEqual(resolvePyenvShim('python3', project, env), { kind: 'shim' });
        assert.deepEqual(resolvePyenvShim('python3', project, { PATH: '/usr/bin:/bin' }), { kind: 'shim' });
    });

    it('refuses a version that is not a plain name, whichever source names it, instead of building a path from it', () => {
        // pyenv joins the version onto versions/; "../../…" would make the shim run a program of the project's choosing.
        const { env, project } = fakePyenv(['3.12.1'], '3.12.1');
        const evil = mkdtempSync(join(tmpdir(), 'parity-evil-'));
        mkdirSync(join(evil, 'bin'));
        writeFileSync(join(evil, 'bin', 'python3'), '');
        const traversal = `../../../../../../../../..${evil}`;
        writeFileSync(join(project, '.python-version'), `${traversal}\n`);
        const fromFile = resolvePyenvShim('python3', project, env);
        assert.equal(fromFile.kind, 'unsafe');
        assert.match(
            fromFile.kind === 'unsafe' ? fromFile.reason : '',
            /\.python-version selects Python ".*", which contains a path separator; the pyenv shim was not run/,
        );
        for (const version of ['/etc', '-v', '3.12\0', '3.12.1:../x', '..']) {
            assert.equal(
                resolvePyenvShim('python3', project, { ...env, PYENV_VERSION: version }).kind,
                'unsafe',
                version,
            );
        }
        writeFileSync(join(project, '.python-version'), '3.12.1 ..\\..\\x\n');
        assert.equal(resolvePyenvShim('python3', project, env).kind, 'unsafe', 'every word pyenv reads is checked');
    });

    it('a .python-version linking to an endless device is skipped, not read without end', () => {
        const { root, env, project } = fakePyenv(['3.12.1'], '3.12.1');
        symlinkSync('/dev/zero', join(project, '.python-version'));
        assert.deepEqual(resolvePyenvShim('python3', project, env), {
            kind: 'executable',
            path: join(root, 'versions', '3.12.1', 'bin', 'python3'),
        });
    });
});
