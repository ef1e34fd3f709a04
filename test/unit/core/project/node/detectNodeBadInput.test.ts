import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFiles, detected, packageJson } from './runDetectNode';

describe('detectNode on bad input', () => {
    it('engines.node that is not a string: an issue at its line, no declaration', async () => {
        const run = await detectFiles({ 'package.json': packageJson({ name: 'x', engines: { node: 20 } }) });
        assert.deepEqual(detected(run).declared, []);
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message:
                    'package.json: engines.node must be a string such as ">=20", not the number 20; package managers ignore it.',
                at: { file: 'package.json', line: 4 },
            },
        ]);
    });

    it('an invalid semver range in engines.node: a declaration with range null, and an issue', async () => {
        const run = await detectFiles({ 'package.json': packageJson({ name: 'x', engines: { node: '>=20 <<22' } }) });
        assert.deepEqual(detected(run).declared, [
            {
                source: 'package.json#engines.node',
                file: 'package.json',
                line: 4,
                raw: '>=20 <<22',
                range: null,
                note: 'Not a valid semver range.',
            },
        ]);
        assert.deepEqual(
            run.issues.map((issue) => [issue.severity, issue.at]),
            [['warning', { file: 'package.json', line: 4 }]],
        );
        assert.match(run.issues[0]?.message ?? '', /engines\.node ">=20 <<22" is not a valid semver range/);
    });

    it('an unknown alias in .nvmrc, after a comment: declared at its line with range null, and an issue there', async () => {
        const run = await detectFiles({ '.nvmrc': '# the team default\nmy-team-node\n' });
        assert.deepEqual(detected(run).declared, [
            {
                source: '.nvmrc',
                file: '.nvmrc',
                line: 2,
                raw: 'my-team-node',
                range: null,
                note: 'An alias Parity does not know.',
            },
        ]);
        assert.equal(run.issues.length, 1);
        assert.deepEqual(run.issues[0]?.at, { file: '.nvmrc', line: 2 });
        assert.match(run.issues[0]?.message ?? '', /^\.nvmrc: "my-team-node" is not an alias Parity knows/);
    });

    it('an unknown LTS codename in .node-version', async () => {
        const run = await detectFiles({ 'package.json': packageJson({ name: 'x' }), '.node-version': 'lts/zinc\n' });
        assert.equal(detected(run).declared[0]?.range, null);
        assert.deepEqual(
            run.issues.map((issue) => issue.at),
            [{ file: '.node-version', line: 1 }],
        );
        assert.match(run.issues[0]?.message ?? '', /LTS codename Parity does not know/);
    });

    it('an empty .nvmrc: an issue, no declaration', async () => {
        const run = await detectFiles({ 'package.json': packageJson({ name: 'x' }), '.nvmrc': '\n   \n# to do\n' });
        assert.deepEqual(detected(run).declared, []);
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message:
                    '.nvmrc is empty, so nvm and other version managers pick no Node.js version from it; write a version such as "22" in it or delete it.',
                at: { file: '.nvmrc', line: 1 },
            },
        ]);
    });

    it('a non-UTF-8 .nvmrc: the encoding issue, and the version still read', async () => {
        // "18  # für CI" in Latin-1: 0xFC is not valid UTF-8.
        const run = await detectFiles({
            'package.json': packageJson({ name: 'x' }),
            '.nvmrc': Buffer.from('18  # f\xfcr CI\n', 'latin1'),
        });
        assert.deepEqual(detected(run).declared, [
            { source: '.nvmrc', file: '.nvmrc', line: 1, raw: '18', range: '18.x' },
        ]);
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message: '.nvmrc is not UTF-8 text; it was read as Latin-1 and may be misread.',
                at: { file: '.nvmrc', line: 1 },
            },
        ]);
    });

    it('system and iojs in .nvmrc: range null with a note, not a problem', async () => {
        const system = await detectFiles({ '.nvmrc': 'system\n' });
        assert.equal(detected(system).declared[0]?.range, null);
        assert.match(detected(system).declared[0]?.note ?? '', /installed/);
        assert.deepEqual(system.issues, []);
        const iojs = await detectFiles({ '.nvmrc': 'iojs\n' });
        assert.match(detected(iojs).declared[0]?.note ?? '', /io\.js/);
    });

    it('a workspace glob that matches nothing: an issue at the glob, the other globs still resolved', async () => {
        const run = await detectFiles({
            'package.json': packageJson({ name: 'mono', private: true, workspaces: ['packages/*', 'plugins/*'] }),
            'packages/core/package.json': packageJson({ name: '@mono/core', scripts: { start: 'node index.js' } }),
        });
        const node = detected(run);
        assert.equal(node.app?.root, 'packages/core');
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message: 'package.json: the workspace glob "plugins/*" matches no folder with a package.json.',
                at: { file: 'package.json', line: 6 },
            },
        ]);
    });

    it('a malformed pnpm-workspace.yaml: an issue at its line, detection goes on with the root', async () => {
        const run = await detectFiles({
            'package.json': packageJson({ name: 'x', scripts: { start: 'node main.js' } }),
            'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n   - 'packages/*'\n",
        });
        assert.equal(detected(run).app?.root, '.');
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message:
                    'pnpm-workspace.yaml is not valid YAML (All sequence items must start at the same column); its workspace packages were not read.',
                at: { file: 'pnpm-workspace.yaml', line: 3 },
            },
        ]);
    });

    it('an empty or non-object package.json: an error at the line, and still a Node project', async () => {
        const empty = await detectFiles({ 'package.json': '' });
        assert.deepEqual(
            empty.issues.map((issue) => [issue.severity, issue.at]),
            [['error', { file: 'package.json', line: 1 }]],
        );
        assert.deepEqual(detected(empty).packageManagers, [
            { name: 'npm', ecosystem: 'node', declared: null, evidence: 'default' },
        ]);
        const array = await detectFiles({ 'package.json': '\n["not", "an", "object"]\n' });
        assert.deepEqual(array.issues, [
            {
                severity: 'error',
                message: 'package.json must hold a JSON object, not an array.',
                at: { file: 'package.json', line: 2 },
            },
        ]);
    });

    it('comments in package.json are errors (npm uses strict JSON)', async () => {
        const run = await detectFiles({
            'package.json': '{\n  "name": "x",\n  // the web app\n  "main": "app.js"\n}\n',
        });
        assert.deepEqual(
            run.issues.map((issue) => issue.at),
            [{ file: 'package.json', line: 3 }],
        );
        assert.equal(detected(run).app?.entry?.value, 'app.js');
    });

    it('volta.node that is not a string', async () => {
        const run = await detectFiles({ 'package.json': packageJson({ name: 'x', volta: { node: ['20'] } }) });
        assert.deepEqual(detected(run).declared, []);
        assert.deepEqual(
            run.issues.map((issue) => issue.at),
            [{ file: 'package.json', line: 4 }],
        );
        assert.match(run.issues[0]?.message ?? '', /volta\.node must be a version string/);
    });

    it('nothing of Node: null, and no issues', async () => {
        const run = await detectFiles({
            'pyproject.toml': '[project]\nname = "x"\n',
            'docs/site/package.json': packageJson({ name: 'docs' }),
        });
        assert.equal(run.result, null);
        assert.deepEqual(run.issues, []);
    });
});
