import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import { unsafeVersionPins, unsafeVersionReason } from '../../../../src/core/project/unsafeVersionPins';

function project(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'parity-pins-'));
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
    }
    return root;
}

describe('unsafeVersionPins: pins a version-manager shim must not be given', () => {
    it('plain versions and aliases pass', async () => {
        for (const version of [
            '3.12.1',
            '3.12',
            'system',
            'miniconda3-latest',
            'pypy3.10-7.3.12',
            'lts/iron',
            'lts/*',
            'temurin-21.0.2+13',
            'prefix:3.12',
            'latest',
            'v20.11.0',
        ]) {
            assert.equal(unsafeVersionReason(version), null, version);
        }
        const root = project({
            '.python-version': '3.12.1\n3.11.7 # two active\n',
            '.tool-versions': 'nodejs 20.11.0\npython 3.12.1 system\n',
            'mise.toml': '[tools]\npython = ["3.12", "3.11"]\n',
        });
        assert.deepEqual(await unsafeVersionPins(nodeProjectFiles(root), 'python'), []);
    });

    it('a path, "..", an option, asdf/mise path: and ref: versions are named with file and line', async () => {
        const root = project({
            '.python-version': '3.12.1\n../../../../tmp/evil\n',
            '.tool-versions': '# comment\nnodejs 20\npython path:./venv\n',
            '.mise.toml': '[env]\nX = "1"\n[tools]\npython = { version = "ref:main" }\n',
            '.node-version': '-v\n',
        });
        const python = await unsafeVersionPins(nodeProjectFiles(root), 'python');
        assert.deepEqual(
            python.map((issue) => [issue.at?.file, issue.at?.line, issue.severity]),
            [
                ['.python-version', 2, 'warning'],
                ['.tool-versions', 3, 'warning'],
                ['.mise.toml', 4, 'warning'],
            ],
        );
        assert.match(
            python[0]?.message ?? '',
            /^\.python-version:2 pins python to "\.\.\/\.\.\/\.\.\/\.\.\/tmp\/evil", which contains "\.\."/,
        );
        assert.match(python[1]?.message ?? '', /is a path: version/);
        assert.match(python[2]?.message ?? '', /is a ref: version/);
        assert.match(python[0]?.message ?? '', /Parity did not run python through a version manager/);
        const node = await unsafeVersionPins(nodeProjectFiles(root), 'node');
        assert.deepEqual(
            node.map((issue) => issue.at?.file),
            ['.node-version'],
        );
        assert.match(node[0]?.message ?? '', /starts with "-"/);
        assert.deepEqual(await unsafeVersionPins(nodeProjectFiles(root), 'go'), []);
    });

    it('a version file the shim would read but Parity may not (a link out of the project) counts as unsafe', async () => {
        const root = project({});
        const outside = project({ version: '3.12.1\n' });
        symlinkSync(join(outside, 'version'), join(root, '.ruby-version'));
        const files = nodeProjectFiles(root);
        const issues = await unsafeVersionPins(files, 'ruby');
        assert.equal(issues.length, 1);
        assert.match(issues[0]?.message ?? '', /^\.ruby-version:1 could not be read safely/);
        assert.ok(
            files.issues.all.some(
                (issue) => issue.message === '.ruby-version links outside the project; it was not read.',
            ),
        );
    });
});
