import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import { readDotenv, readDotenvValues } from '../../../../src/core/project/readDotenv';
import { walkProject } from '../../../../src/core/project/walkProject';

function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'parity-files-'));
    chmodSync(root, 0o755);
    return root;
}

describe('nodeProjectFiles: bad input becomes an issue, never an exception', () => {
    it('reads Latin-1 bytes as text and says the file is not UTF-8', async () => {
        const root = project();
        writeFileSync(join(root, '.node-version'), Buffer.from([0x32, 0x30, 0xe9, 0x0a]));
        const files = nodeProjectFiles(root);
        const file = await files.readText('.node-version');
        assert.equal(file?.text, '20é\n');
        assert.deepEqual(
            files.issues.all.map((issue) => issue.message),
            ['.node-version is not UTF-8 text; it was read as Latin-1 and may be misread.'],
        );
    });

    it('drops a UTF-8 byte-order mark', async () => {
        const root = project();
        writeFileSync(join(root, 'package.json'), '\uFEFF{"name":"x"}');
        assert.equal((await nodeProjectFiles(root).readText('package.json'))?.text, '{"name":"x"}');
    });

    it('a FIFO named like a manifest does not block the read', async () => {
        const root = project();
        const made = spawnSync('mkfifo', [join(root, 'package.json')]);
        assert.equal(made.status, 0, 'mkfifo is part of coreutils');
        assert.equal(await nodeProjectFiles(root).readText('package.json'), null);
    });

    it('a file it may not read is reported with its name (checked as an unprivileged user)', () => {
        const root = project();
        writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "x"\n');
        chmodSync(join(root, 'pyproject.toml'), 0o000);
        // Root reads anything, so the check runs in a child process as "nobody" when the test runs as root.
        // That child cannot be pointed at the checkout: a clone under /root (mode 700) is closed to nobody.
        // The module is bundled into a folder of its own under the temp dir, whose parents anyone may enter.
        const bundle = join(project(), 'nodeProjectFiles.js');
        buildSync({
            entryPoints: [join(__dirname, '../../../../src/core/project/nodeProjectFiles.ts')],
            outfile: bundle,
            bundle: true,
            platform: 'node',
            format: 'cjs',
            logLevel: 'error',
        });
        const script = `
            const { nodeProjectFiles } = require(${JSON.stringify(bundle)});
            const files = nodeProjectFiles(${JSON.stringify(root)});
            files.readText('pyproject.toml').then((file) => process.stdout.write(JSON.stringify({ file, issues: files.issues.all })));`;
        const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: tmpdir(), ...asNobody });
        assert.equal(result.status, 0, result.stderr);
        const { file, issues } = JSON.parse(result.stdout) as { file: unknown; issues: { message: string }[] };
        assert.equal(file, null);
        assert.deepEqual(
            issues.map((issue) => issue.message),
            ['pyproject.toml cannot be read (EACCES); it was skipped.'],
        );
    });

    it('never reads outside the project root', async () => {
        const root = project();
        assert.equal(await nodeProjectFiles(root).readText('../../etc/passwd'), null);
    });
});

describe('walkProject', () => {
    it('skips dependency, VCS and build folders', async () => {
        const root = project();
        for (const dir of ['src', 'node_modules/express', '.git/objects', '.venv/lib', 'dist', 'packages/api']) {
            mkdirSync(join(root, dir), { recursive: true });
            writeFileSync(join(root, dir, 'file.txt'), 'x');
        }
        const walk = await walkProject(nodeProjectFiles(root));
        assert.deepEqual([...walk.files].sort(), ['packages/api/file.txt', 'src/file.txt']);
        assert.equal(walk.truncated, false);
    });

    it('does not follow a symlink loop', async () => {
        const root = project();
        mkdirSync(join(root, 'a'));
        writeFileSync(join(root, 'a', 'go.mod'), 'module x\n');
        symlinkSync(join(root, 'a'), join(root, 'a', 'loop'));
        symlinkSync(root, join(root, 'up'));
        const walk = await walkProject(nodeProjectFiles(root));
        assert.deepEqual(walk.files, ['a/go.mod']);
    });

    it('stops at its limits on a huge tree and says so', async () => {
        const root = project();
        for (let i = 0; i < 60; i += 1) {
            mkdirSync(join(root, `d${i}`));
            for (let j = 0; j < 10; j += 1) {
                writeFileSync(join(root, `d${i}`, `f${j}.txt`), '');
            }
        }
        const files = nodeProjectFiles(root);
        const walk = await walkProject(files, { maxDepth: 4, maxEntries: 200 });
        assert.equal(walk.truncated, true);
        assert.ok(walk.files.length < 200);
        assert.match(files.issues.all[0]?.message ?? '', /more than 200 files and folders/);
        const shallow = await walkProject(nodeProjectFiles(root), { maxDepth: 0, maxEntries: 10_000 });
        assert.deepEqual(shallow.files, [], 'depth 0 lists only the root, which has folders only');
    });
});

describe('nodeProjectFiles: links out of the project are not followed', () => {
    /** A project next to a folder it must never see, as in a cloned repository next to the user's files. */
    function projectNextToSecrets(): { root: string; outside: string } {
        const base = mkdtempSync(join(tmpdir(), 'parity links '));
        const root = join(base, 'project');
        const outside = join(base, 'outside');
        mkdirSync(root);
        mkdirSync(outside);
        writeFileSync(join(outside, 'credentials'), 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n');
        return { root, outside };
    }

    it('a .env linking to ../outside/credentials is not read, not hashed, not handed out; the issue names it', async () => {
        const { root } = projectNextToSecrets();
        symlinkSync('../outside/credentials', join(root, '.env'));
        const files = nodeProjectFiles(root);
        assert.equal(await files.readText('.env'), null);
        assert.deepEqual(await readDotenv(files, EnvHashKey.generate()), {});
        assert.deepEqual(await readDotenvValues(files), {});
        assert.deepEqual(
            files.issues.all.map((issue) => issue.message),
            ['.env links outside the project; it was not read.'],
        );
        assert.equal(await files.exists('.env'), false);
    });

    it('a folder linking out is neither listed nor read through', async () => {
        const { root } = projectNextToSecrets();
        symlinkSync('../outside', join(root, 'config'));
        const files = nodeProjectFiles(root);
        assert.deepEqual(await files.list('config'), []);
        assert.equal(await files.readText('config/credentials'), null);
        assert.ok(
            files.issues.all.some((issue) => issue.message === 'config links outside the project; it was not read.'),
        );
    });

    it('a link that stays inside the project is read as before', async () => {
        const { root } = projectNextToSecrets();
        mkdirSync(join(root, 'env'));
        writeFileSync(join(root, 'env', 'dev.env'), 'PORT=4000\n');
        symlinkSync('env/dev.env', join(root, '.env'));
        const files = nodeProjectFiles(root);
        assert.deepEqual(await readDotenvValues(files), { PORT: '4000' });
        assert.equal(await files.exists('.env'), true);
        assert.deepEqual(files.issues.all, []);
    });

    it('a project reached through a link (e.g. /tmp → /private/tmp) still reads its own files', async () => {
        const { root } = projectNextToSecrets();
        writeFileSync(join(root, 'package.json'), '{}');
        const alias = `${root}-alias`;
        symlinkSync(root, alias);
        assert.equal((await nodeProjectFiles(alias).readText('package.json'))?.text, '{}');
    });
});
