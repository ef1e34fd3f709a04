// Ctrl-C during a build, during a sandbox's start and during a probe, against a real engine: the command stops
// with one line saying it was cancelled, and afterwards the label query for Parity's containers is empty.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../support/waitFor';
import {
    danglingParityImages,
    FAULT_HOST,
    faultCli,
    NODE_IMAGE,
    parityContainers,
    requireFaultEngine,
    startParity,
} from './faultEngine';

const SLEEPER = `parity-fault-sleeper-${process.pid}:1`;
const BUILT = `parity-fault-cancel-${process.pid}:1`;

/** Exit 2 (the command could not run), the reason in one line last, no stack trace. */
function assertCancelled(result: { code: number | null; stderr: string }, what: RegExp): void {
    assert.equal(result.code, 2, `exit code; stderr:\n${result.stderr}`);
    const last = result.stderr.trim().split('\n').at(-1) ?? '';
    assert.match(last, new RegExp(`^parity: Cancelled: ${what.source} on unix://\\S+\\.$`));
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
}

describe('cancelled mid-way: no container of Parity is left', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity fault cancel '));

    before(async () => {
        await requireFaultEngine();
        assert.deepEqual(parityContainers(), [], 'the fault engine starts with no container of Parity');
        // An image that never listens: its sandbox waits for readiness until cancelled.
        const sleeper = join(scratch, 'sleeper');
        mkdirSync(sleeper);
        writeFileSync(join(sleeper, 'Dockerfile'), 'FROM busybox:latest\nCMD ["sleep", "300"]\n');
        faultCli(['build', '--quiet', '--tag', SLEEPER, sleeper]);
    });
    after(() => {
        for (const id of parityContainers()) {
            faultCli(['rm', '--force', id]);
        }
        faultCli(['image', 'rm', '--force', SLEEPER, BUILT]);
        rmSync(scratch, { recursive: true, force: true });
    });

    it('during a build', async () => {
        const marker = `parity-fault-${process.pid}-${Date.now()}`;
        const project = join(scratch, 'slow build');
        mkdirSync(project);
        writeFileSync(
            join(project, 'Dockerfile'),
            `FROM busybox:latest\nRUN echo ${marker} && sleep 60\nCMD ["true"]\n`,
        );
        const dangling = danglingParityImages();
        const run = startParity(['build', '--host', FAULT_HOST, '--tag', BUILT, project]);
        await run.waitForOutput(/\] RUN echo .*sleep 60\n/);
        run.interrupt();
        assertCancelled(await run.done, /building parity-fault-cancel-\d+:1/);
        assert.deepEqual(parityContainers(), []);
        // BuildKit stops the step's process too (it is no container the label query would see).
        await waitFor('the RUN step stopped', () => !runningCommand(marker), 15_000);
        assert.deepEqual(
            danglingParityImages().filter((id) => !dangling.includes(id)),
            [],
        );
        assert.equal(faultCli(['image', 'ls', '--quiet', BUILT]), '', 'nothing tagged');
    });

    it('during a sandbox start (waiting for the app to listen)', async () => {
        const run = startParity(['run', '--host', FAULT_HOST, '--port', '8080', SLEEPER]);
        await waitFor('the sandbox container exists', () => parityContainers().length > 0, 30_000);
        run.interrupt();
        assertCancelled(await run.done, /[a-z ]+ sandbox parity-sandbox-\S+ from parity-fault-sleeper-\d+:1/);
        assert.deepEqual(parityContainers(), []);
    });

    it('during a probe', async () => {
        const run = startParity(['snapshot', '--verbose', '--host', FAULT_HOST, '--target', `image:${NODE_IMAGE}`]);
        // Right after the probe's container is made, while the probe runs in it.
        await run.waitForOutput(/docker ← creating a throwaway container/);
        run.interrupt();
        assertCancelled(await run.done, /\w.*/);
        assert.deepEqual(parityContainers(), []);
    });
});

/** Whether a process on this machine runs with `text` in its command line. */
function runningCommand(text: string): boolean {
    return readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .some((pid) => {
            try {
                return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
            } catch {
                return false;
            }
        });
}
