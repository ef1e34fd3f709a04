import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolvePyenvShim } from '../../src/targets/host/resolvePyenvShim';

/** A pyenv root laid out as pyenv lays it out, with shims first on PATH. */
function fakePyenv(versions: string[], globalVersion?: string): { root: string; env: NodeJS.ProcessEnv; project: string } {
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

describe('resolvePyenvShim: pyenv\'s choice without running the shim', () => {
    it('.python-version in a parent folder wins over the global version', () => {
        const { root, env, project } = fakePyenv(['3.11.7', '3.12.1'], '3.11.7');
        writeFileSync(join(root, 'work', 'app', '.python-version'), '3.12.1\n');
        assert.equal(resolvePyenvShim('python3', project, env), join(root, 'versions', '3.12.1', 'bin', 'python3'));
    });

    it('PYENV_VERSION beats every file; a prefix picks the newest matching install', () => {
        const { root, env, project } = fakePyenv(['3.12.1', '3.12.10', '3.12.9'], '3.11.7');
        writeFileSync(join(root, 'work', '.python-version'), '3.11.7\n');
        assert.equal(resolvePyenvShim('python3', project, { ...env, PYENV_VERSION: '3.12' }), join(root, 'versions', '3.12.10', 'bin', 'python3'));
    });

    it('gives up (so the shim itself runs) for "system", a missing version, or no shim on PATH', () => {
        const { root, env, project } = fakePyenv(['3.12.1'], 'system');
        assert.equal(resolvePyenvShim('python3', project, env), undefined);
        writeFileSync(join(root, 'work', '.python-version'), '3.9.18\n');
        assert.equal(resolvePyenvShim('python3', project, env), undefined);
        assert.equal(resolvePyenvShim('python3', project, { PATH: '/usr/bin:/bin' }), undefined);
    });
});
