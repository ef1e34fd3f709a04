import assert from 'node:assert/strict';
import { test } from 'node:test';
import { savedFileEffect } from '../../../../src/core/project/savedFileEffect';

test('version-manager files change the toolchain', () => {
    for (const path of [
        '.nvmrc',
        '.node-version',
        '.python-version',
        '.tool-versions',
        '.ruby-version',
        'mise.toml',
        '.config/mise.toml',
        'api/.python-version',
    ]) {
        assert.equal(savedFileEffect(path), 'toolchain', path);
    }
});

test('pin files, Dockerfiles, .env and the Parity config change only the project', () => {
    for (const path of [
        'package.json',
        'pyproject.toml',
        'go.mod',
        'pom.xml',
        'Gemfile',
        'Dockerfile',
        'Dockerfile.prod',
        'api.Dockerfile',
        'Containerfile',
        '.env',
        '.parity/config.json',
        'web/package.json',
    ]) {
        assert.equal(savedFileEffect(path), 'project', path);
    }
});

test('other files, dependencies and paths out of the folder change nothing', () => {
    for (const path of [
        'src/index.js',
        'README.md',
        'node_modules/x/package.json',
        '../.nvmrc',
        '.parity/local.snapshot.json',
        'Dockerfiles.md',
    ]) {
        assert.equal(savedFileEffect(path), 'none', path);
    }
});
