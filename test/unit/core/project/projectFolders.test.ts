import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOT_PROJECT_GLOB, PROJECT_MARKER_GLOB, projectFolders } from '../../../../src/core/project/projectFolders';

describe('projectFolders', () => {
    it('is the folder of each marker file, sorted, once', () => {
        assert.deepEqual(
            projectFolders(['/ws/app/package.json', '/ws/app/Dockerfile', '/ws/api/go.mod', '/ws/package.json']),
            ['/ws', '/ws/api', '/ws/app'],
        );
    });

    it("leaves out markers inside dependencies, build output and Parity's own folder", () => {
        assert.deepEqual(
            projectFolders([
                '/ws/node_modules/left-pad/package.json',
                '/ws/app/node_modules/x/package.json',
                '/ws/.parity/package.json',
                '/ws/.venv/lib/pyproject.toml',
                '/ws/vendor/github.com/x/go.mod',
                '/ws/svc/requirements.txt',
            ]),
            ['/ws/svc'],
        );
    });

    it('ignores files that are no markers, and gives the root and relative paths their folders', () => {
        assert.deepEqual(projectFolders(['/ws/README.md', '/package.json', 'go.mod', 'sub/Gemfile']), [
            '.',
            '/',
            'sub',
        ]);
    });

    it('searches for every marker and skips the same folders', () => {
        for (const marker of [
            'package.json',
            'pyproject.toml',
            'requirements.txt',
            'go.mod',
            'Dockerfile',
            'Procfile',
            'pom.xml',
            'Gemfile',
        ]) {
            assert.ok(PROJECT_MARKER_GLOB.includes(marker), marker);
        }
        for (const skipped of ['node_modules', '.parity', '.git']) {
            assert.ok(NOT_PROJECT_GLOB.includes(skipped), skipped);
        }
    });
});
