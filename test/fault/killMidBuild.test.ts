// dockerd killed (SIGKILL) while `parity package` builds: one clear error; after the engine is started again no
// container and no untagged image of Parity's is left, nothing was tagged, and each project file Parity writes is
// either the old one or the new one in full — never a partial file, never a temporary file left beside it.
// Killed while `parity snapshot --out FILE` probes an image: FILE keeps its old content, nothing beside it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runParity } from '../support/runParity';
import {
    danglingParityImages,
    FAULT_HOST,
    faultCli,
    killFaultEngine,
    NODE_IMAGE,
    parityContainers,
    requireFaultEngine,
    startFaultEngine,
    startParity,
} from './faultEngine';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'hello-node');
const TAG = `parity-fault-kill-${process.pid}:1`;
const WRITTEN = ['Dockerfile', '.dockerignore', join('.parity', 'plan.json'), join('.parity', 'recipe.json')];

/** The files as `parity recipe` writes them into a fresh copy, with the copy's own path and clock taken out. */
function recipeFiles(root: string, args: readonly string[]): Map<string, string> {
    cpSync(EXAMPLE, root, { recursive: true });
    // A package.json of its own, so the build's layer cache holds none of its steps: the RUN step really runs.
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
        join(root, 'package.json'),
        JSON.stringify({ ...manifest, description: `fault test ${process.pid} ${Date.now()}` }, null, 2),
    );
    const result = runParity(['recipe', ...args, root]);
    assert.equal(result.code, 0, result.stderr);
    return new Map(WRITTEN.map((file) => [file, normalise(readFileSync(join(root, file), 'utf8'), root)]));
}

function normalise(text: string, root: string): string {
    return text
        .split(root)
        .join('<root>')
        .replace(/"capturedAt": "[^"]*"/g, '"capturedAt": "<time>"');
}

function listing(root: string): string[] {
    return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

describe('dockerd killed mid-command', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity fault kill '));
    const project = join(scratch, 'hello node');
    let before_: Map<string, string>;
    let fresh: Map<string, string>;

    before(async () => {
        await requireFaultEngine();
        // Old files: a recipe for another port; new ones: what `package` writes now (the default port).
        before_ = recipeFiles(project, ['--port', '4000']);
        fresh = recipeFiles(join(scratch, 'reference'), []);
    });
    after(() => {
        startFaultEngine();
        faultCli(['image', 'rm', '--force', TAG]);
        rmSync(scratch, { recursive: true, force: true });
    });

    it('a clear error; after a restart no leftovers, nothing tagged, each project file old or new in full', async () => {
        const files = listing(project);
        const dangling = danglingParityImages();
        const run = startParity(['package', '--host', FAULT_HOST, '--tag', TAG, project]);
        // The RUN step (npm ci) takes seconds: the engine dies inside the build, not before or after it.
        await run.waitForOutput(/\] RUN .*npm ci --omit=dev\n/);
        killFaultEngine();
        const result = await run.done;

        assert.equal(result.code, 2, `exit code; stderr:\n${result.stderr}`);
        const last = result.stderr.trim().split('\n').at(-1) ?? '';
        assert.match(
            last,
            /The connection to Docker at unix:\/\/\S+ broke during the build of parity-fault-kill-\d+:1 \(\w+\): the engine stopped, restarted or was cut off\. Nothing was tagged\./,
        );
        assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');

        startFaultEngine();
        assert.deepEqual(parityContainers(), [], "no container of Parity's left on the engine");
        assert.deepEqual(
            danglingParityImages().filter((id) => !dangling.includes(id)),
            [],
            "no untagged image of Parity's left",
        );
        assert.equal(faultCli(['image', 'ls', '--quiet', TAG]), '', 'nothing tagged');

        for (const file of WRITTEN) {
            const now = normalise(readFileSync(join(project, file), 'utf8'), project);
            assert.ok(
                now === before_.get(file) || now === fresh.get(file),
                `${file} is either the old or the new file in full, got:\n${now}`,
            );
        }
        assert.deepEqual(
            listing(project).filter((name) => !files.includes(name)),
            [],
            'no temporary or other new file in the project',
        );
    });

    it('killed mid-probe: the snapshot file keeps its old content, no probe container is left', async () => {
        const out = join(scratch, 'snapshot.json');
        writeFileSync(out, '{"old": true}\n');
        const files = listing(scratch);
        const run = startParity([
            'snapshot',
            '--verbose',
            '--host',
            FAULT_HOST,
            '--target',
            `image:${NODE_IMAGE}`,
            '--out',
            out,
        ]);
        await run.waitForOutput(/docker ← creating a throwaway container/);
        killFaultEngine();
        const result = await run.done;
        assert.equal(result.code, 2, `exit code; stderr:\n${result.stderr}`);
        const last = result.stderr.trim().split('\n').at(-1) ?? '';
        assert.match(last, /^parity: .*Docker .*unix:\/\/\S+/);
        assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
        assert.equal(readFileSync(out, 'utf8'), '{"old": true}\n');
        assert.deepEqual(
            listing(scratch).filter((name) => !files.includes(name)),
            [],
            'no temporary file beside it',
        );
        startFaultEngine();
        assert.deepEqual(parityContainers(), [], 'the probe container is gone after the restart');
    });
});
