// The engine's disk fills up, for real: the fault engine's data-root is a small file system of its own, and a
// filler file takes nearly all of it. A build and a sandbox then fail with one clear error that says the disk
// is full and where (the engine's data root) — no stack trace, no bare step failure.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runParity } from '../support/runParity';
import {
    danglingParityImages,
    FAULT_DATA_ROOT,
    FAULT_HOST,
    faultCli,
    parityContainers,
    requireFaultEngine,
} from './faultEngine';

const FILLER = join(FAULT_DATA_ROOT, `parity-fault-filler-${process.pid}`);
// More than ext4 keeps back from every allocation, root's too (its reserved clusters, up to 16 MiB).
const SLACK = 24 * 1024 * 1024;
const TAG = `parity-fault-disk-${process.pid}:1`;
const SLEEPER = `parity-fault-disk-sleeper-${process.pid}:1`;

/** Takes all but `leaveBytes` of the data-root's file system (0: every byte) with allocated, not sparse, files. */
function fill(leaveBytes: number): void {
    unfill();
    // Blocks freed a moment ago count as free but are reusable only once the journal has committed them.
    execFileSync('sync', ['--file-system', FAULT_DATA_ROOT]);
    const stats = statfsSync(FAULT_DATA_ROOT);
    // bfree, not bavail: the engine runs as root, and root may write into the blocks reserved for it.
    const free = stats.bfree * stats.bsize;
    // One allocation a little short of the goal (the file's own extent blocks take some), then the rest written.
    execFileSync('fallocate', ['--length', String(Math.max(0, free - leaveBytes - SLACK)), FILLER]);
    if (leaveBytes === 0) {
        spawnSync('dd', ['if=/dev/zero', `of=${FILLER}.rest`, 'bs=64k'], { stdio: 'ignore' });
    }
}

function unfill(): void {
    rmSync(FILLER, { force: true });
    rmSync(`${FILLER}.rest`, { force: true });
}

function assertDiskFull(stderr: string): void {
    const errors = stderr.split('\n').filter((line) => /^(\[error\]|parity:) /.test(line));
    assert.equal(errors.length, 1, `one error line, got:\n${stderr}`);
    const line = errors[0] ?? '';
    assert.match(line, /The disk of the Docker engine at unix:\/\/\S+ is full \(no space left on device\)/);
    assert.ok(line.includes(FAULT_DATA_ROOT), `names where: the data root ${FAULT_DATA_ROOT}; got ${line}`);
    assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
}

describe('a full disk on the engine', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity fault disk '));

    before(async () => {
        await requireFaultEngine();
        const sleeper = join(scratch, 'sleeper');
        mkdirSync(sleeper);
        writeFileSync(join(sleeper, 'Dockerfile'), 'FROM busybox:latest\nCMD ["sleep", "300"]\n');
        faultCli(['build', '--quiet', '--tag', SLEEPER, sleeper]);
    });
    after(() => {
        unfill();
        for (const id of parityContainers()) {
            faultCli(['rm', '--force', id]);
        }
        faultCli(['image', 'rm', '--force', TAG, SLEEPER]);
        rmSync(scratch, { recursive: true, force: true });
    });

    it('a build whose step writes more than is left: one error naming the full disk and the data root', () => {
        const project = join(scratch, 'big write');
        mkdirSync(project);
        writeFileSync(
            join(project, 'Dockerfile'),
            `FROM busybox:latest\nRUN echo ${process.pid}-${Date.now()} && dd if=/dev/zero of=/big bs=1M count=200\n`,
        );
        const dangling = danglingParityImages();
        fill(32 * 1024 * 1024);
        let result;
        try {
            result = runParity(['build', '--host', FAULT_HOST, '--tag', TAG, project], { timeoutMs: 120_000 });
        } finally {
            unfill();
        }
        assert.equal(result.code, 2, `exit code; stderr:\n${result.stderr}`);
        assertDiskFull(result.stderr);
        assert.match(result.stderr, /during the build, at Dockerfile line 2 \(RUN echo/);
        assert.equal(faultCli(['image', 'ls', '--quiet', TAG]), '', 'nothing tagged');
        assert.deepEqual(
            danglingParityImages().filter((id) => !dangling.includes(id)),
            [],
        );
    });

    it('a sandbox on a disk with no byte left: one error naming the full disk', () => {
        fill(0);
        let result;
        try {
            result = runParity(['run', '--host', FAULT_HOST, '--port', 'none', '--detach', SLEEPER], {
                timeoutMs: 120_000,
            });
        } finally {
            unfill();
        }
        assert.equal(result.code, 2, `exit code; stderr:\n${result.stderr}\nstdout:\n${result.stdout}`);
        assertDiskFull(result.stderr);
        assert.deepEqual(parityContainers(), [], 'no container left behind');
    });
});
