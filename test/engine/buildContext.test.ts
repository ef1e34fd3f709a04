import type { BuildEvent } from '../../src/core/build/BuildEvent';
import { buildImage } from '../../src/engine/build/buildImage';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { BuildError } from '../../src/core/build/BuildError';
import { type BuildContext, createBuildContext } from '../../src/engine/build/buildContext';
import { readTarEntries } from '../../src/engine/readTarEntries';
import {
    engineClient,
    logsOfLine,
    makeProject,
    removeImages,
    removeProject,
    TEST_LABELS,
    testTag,
} from './buildTestKit';
import { requireEngine } from './requireEngine';
import { pruneParityImages } from '../support/pruneParityImages';

const folders: string[] = [];
const tags: string[] = [];

async function tarOf(context: BuildContext): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of context.open()) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

/** A Node project as it sits on a laptop: dependencies installed, a git folder, secrets in .env. */
function nodeProject(): string {
    const dir = makeProject({
        Dockerfile: 'FROM busybox\nCOPY . /ctx\nRUN cd /ctx && find . -mindepth 1 | sort\n',
        '.dockerignore': '# what never belongs in an image\nnode_modules\n.git\n.env\n*.log\ndocs\n!docs/README.md\n',
        'package.json': '{"name":"shop"}\n',
        'src/server.js': 'console.log("hi")\n',
        'src/deep/nested/file.txt': 'x',
        'node_modules/left-pad/index.js': 'module.exports = 1\n',
        'node_modules/.bin/': '',
        'packages/a/node_modules/kept.js': 'kept: the pattern is anchored at the root\n',
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.git/objects/ab/cdef': 'blob',
        '.env': 'STRIPE_KEY=sk_live_123\n',
        'debug.log': 'noise\n',
        'docs/README.md': '# shop\n',
        'docs/internal.md': 'not shipped\n',
        'empty/': '',
    });
    symlinkSync('/etc/passwd', join(dir, 'outside-file'));
    symlinkSync('/etc', join(dir, 'outside-dir'));
    symlinkSync('src/server.js', join(dir, 'inside-link'));
    folders.push(dir);
    return dir;
}

describe('build contexts', () => {
    before(requireEngine);
    after(() => {
        removeImages(tags);
        folders.forEach(removeProject);
        pruneParityImages();
    });

    it('.dockerignore as Docker applies it: node_modules, .git and .env never enter; a ! exception re-includes; links stay links', async () => {
        const context = await createBuildContext(nodeProject(), {
            extraFiles: { '.parity-ca.pem': Buffer.from('-----BEGIN CERTIFICATE-----\n') },
        });
        const tar = await tarOf(context);
        const entries = await readTarEntries([tar], tar.length);
        const names = entries.map((entry) => entry.name);
        assert.deepEqual(names, [
            '.dockerignore',
            'Dockerfile',
            'docs/README.md',
            'empty/',
            'inside-link',
            'outside-dir',
            'outside-file',
            'package.json',
            'packages/',
            'packages/a/',
            'packages/a/node_modules/',
            'packages/a/node_modules/kept.js',
            'src/',
            'src/deep/',
            'src/deep/nested/',
            'src/deep/nested/file.txt',
            'src/server.js',
            '.parity-ca.pem',
        ]);
        assert.ok(!names.some((name) => /^(node_modules|\.git|\.env)(\/|$)/.test(name)));
        const links = Object.fromEntries(
            entries.filter((entry) => entry.type === 'symlink').map((entry) => [entry.name, entry.linkTarget]),
        );
        assert.deepEqual(
            links,
            { 'inside-link': 'src/server.js', 'outside-dir': '/etc', 'outside-file': '/etc/passwd' },
            'stored as links, never followed',
        );
        assert.equal(context.size, tar.length, 'the size reported before sending is the size sent');
        assert.equal(context.fileCount, entries.filter((entry) => entry.type === 'file').length);
        assert.equal(context.fileCount, 8);
        assert.deepEqual(context.members, names);
        assert.equal(await context.readText('.parity-ca.pem'), '-----BEGIN CERTIFICATE-----\n');
    });

    it('the engine sees exactly that context', async () => {
        const dir = nodeProject();
        const name = testTag('context');
        tags.push(name);
        const context = await createBuildContext(dir);
        const events: BuildEvent[] = [];
        await buildImage(engineClient().buildDeps(), {
            context,
            tag: name,
            labels: TEST_LABELS,
            noCache: true,
            onEvent: (event) => events.push(event),
        });
        const seen = logsOfLine(events, 3).map((line) => line.replace(/^\.\//, ''));
        // Extracting creates the folders of members whose own folder entry was left out (docs/ here), as with the CLI.
        const sent = [
            ...new Set(
                context.members.flatMap((member) => {
                    const parts = member.replace(/\/$/, '').split('/');
                    return parts.map((_part, i) => parts.slice(0, i + 1).join('/'));
                }),
            ),
        ].sort();
        assert.deepEqual(seen, sent);
    });

    it('the Dockerfile and .dockerignore are always sent, as the CLI does, and a Dockerfile-specific ignore file wins', async () => {
        const dir = makeProject({
            'build/app.Dockerfile': 'FROM busybox\n',
            'build/app.Dockerfile.dockerignore': '*\n',
            '.dockerignore': 'nothing-matches\n',
            'src/a.txt': 'a',
        });
        folders.push(dir);
        const context = await createBuildContext(dir, { dockerfile: 'build/app.Dockerfile' });
        assert.deepEqual(
            context.members,
            ['.dockerignore', 'build/app.Dockerfile'],
            'src/ left out: the Dockerfile-specific "*" applied, not the root file',
        );
        assert.equal(context.dockerfile, 'build/app.Dockerfile');
        const given = await createBuildContext(dir, { dockerfile: 'build/app.Dockerfile', dockerignore: 'build\n' });
        assert.deepEqual(
            given.members,
            ['.dockerignore', 'build/app.Dockerfile', 'src/', 'src/a.txt'],
            'ignore text given by the caller wins over both files; the excluded Dockerfile is still sent',
        );
    });

    it('streams: a 512 MiB file goes through without being held in memory', async () => {
        const dir = makeProject({ Dockerfile: 'FROM busybox\n', 'big.bin': '' });
        folders.push(dir);
        truncateSync(join(dir, 'big.bin'), 512 * 1024 ** 2);
        const context = await createBuildContext(dir);
        assert.equal(
            context.size,
            512 + 512 * 1024 ** 2 + 512 + 512 + 1024,
            'two headers, two contents padded to blocks, the end marker',
        );
        const baseline = process.memoryUsage().rss;
        let peak = baseline;
        let bytes = 0;
        let chunks = 0;
        // Piped, as docker-modem sends it to the engine.
        await pipeline(
            context.open(),
            new Writable({
                write(chunk: Buffer, _encoding, done) {
                    bytes += chunk.length;
                    if (++chunks % 64 === 0) {
                        peak = Math.max(peak, process.memoryUsage().rss);
                    }
                    done();
                },
            }),
        );
        assert.equal(bytes, context.size);
        assert.ok(peak - baseline < 128 * 1024 ** 2, `memory grew by ${Math.round((peak - baseline) / 1024 ** 2)} MiB`);
    });

    it('problems with the folder are BuildErrors of kind context', async () => {
        const dir = makeProject({ 'src/a.txt': 'a' });
        folders.push(dir);
        await assert.rejects(
            createBuildContext(dir),
            (error: unknown) =>
                error instanceof BuildError &&
                error.kind === 'context' &&
                /There is no Dockerfile in /.test(error.message),
        );
        await assert.rejects(
            createBuildContext(dir, { dockerfile: '../Dockerfile' }),
            (error: unknown) =>
                error instanceof BuildError &&
                error.kind === 'context' &&
                /outside the build context/.test(error.message),
        );
        await assert.rejects(
            createBuildContext(dir, {
                dockerignore: 'a[\n',
                extraFiles: { Dockerfile: Buffer.from('FROM busybox\n') },
            }),
            (error: unknown) =>
                error instanceof BuildError &&
                error.kind === 'context' &&
                error.message.startsWith('.dockerignore: syntax error (an unfinished character class) in pattern "a["'),
        );
        mkdirSync(join(dir, 'sub'));
        const generated = await createBuildContext(dir, { extraFiles: { Dockerfile: Buffer.from('FROM busybox\n') } });
        assert.deepEqual(generated.members, ['src/', 'src/a.txt', 'sub/', 'Dockerfile']);
    });
});
