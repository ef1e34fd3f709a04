// What a sandbox lets an app do, seen from inside, against the real engine: capabilities, privileges,
// file system, user, mounts, the process and memory limits, and a target's limits applied.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { SandboxTarget } from '../../src/core/sandbox/sandboxPolicy';
import { EngineClient } from '../../src/engine/EngineClient';
import type { SandboxDeps } from '../../src/engine/sandbox/SandboxDeps';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { startSandbox } from '../../src/engine/sandbox/Sandbox';
import { dockerCli } from '../support/dockerCli';
import { requireEngine } from './requireEngine';
import { BUSYBOX, leftovers, lineMatching, policyFor, runToEnd, start } from './sandboxTestKit';

const MiB = 1024 * 1024;
const NODE = 'node:20.20.2-bookworm-slim';
const FORK_BOMB = ['sh', '-c', 'bomb() { bomb | bomb & }; bomb; sleep 60'];

/** The same engine, but looking remote: the runner cannot read cgroup files and samples the engine's stats. */
class RemoteLookingClient extends EngineClient {
    override sandboxDeps(): SandboxDeps {
        return { ...super.sandboxDeps(), local: false };
    }
}

describe('sandbox containment (real engine)', () => {
    let volumeImage = '';
    before(requireEngine);
    after(() => {
        if (volumeImage) {
            dockerCli(['rmi', '--force', volumeImage]);
        }
        assert.deepEqual(leftovers(), [], 'every sandbox of this suite was removed');
    });

    it(
        'has no capabilities, no-new-privileges, a non-root user, a read-only root and a writable /tmp',
        { timeout: 60_000 },
        async () => {
            const script = [
                'grep -E "^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):" /proc/self/status',
                'echo uid=$(id -u) gid=$(id -g)',
                'touch /rootfile 2>/dev/null && echo root=writable || echo root=read-only',
                'touch /etc/passwd 2>/dev/null && echo etc=writable || echo etc=read-only',
                'echo hi > /tmp/x && cat /tmp/x >/dev/null && echo tmp=writable',
                'cp /bin/busybox /tmp/bb 2>/dev/null && (/tmp/bb true 2>/dev/null && echo tmp=exec || echo tmp=noexec)',
            ].join('; ');
            const { exit, lines } = await runToEnd(await policyFor(BUSYBOX, ['sh', '-c', script]));
            const output = lines();
            const field = (name: string): string | undefined =>
                output.find((line) => line.startsWith(`${name}:`))?.split(/\s+/)[1];
            for (const name of ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb']) {
                assert.equal(field(name), '0000000000000000', `${name}: ${output.join('\n')}`);
            }
            assert.equal(field('NoNewPrivs'), '1');
            assert.ok(output.includes('uid=65534 gid=65534'), output.join('\n'));
            assert.ok(output.includes('root=read-only'));
            assert.ok(output.includes('etc=read-only'));
            assert.ok(output.includes('tmp=writable'));
            assert.ok(output.includes('tmp=noexec'), 'the tmpfs is mounted noexec');
            assert.equal(exit.code, 0);
            assert.equal(exit.reason, 'exited with code 0');
        },
    );

    it(
        'mounts no host folder, volume or socket — not even for an image that declares a VOLUME',
        { timeout: 60_000 },
        async () => {
            const base = dockerCli([
                'create',
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=test',
                BUSYBOX,
            ]);
            volumeImage = `parity-test/volume:${process.pid}`;
            dockerCli([
                'commit',
                '--change',
                'VOLUME /data',
                '--change',
                'LABEL parity.managed=true',
                base,
                volumeImage,
            ]);
            dockerCli(['rm', base]);
            const followed = await start(
                await policyFor(volumeImage, [
                    'sh',
                    '-c',
                    'echo data > /data/x && echo data=writable; ls /var/run/docker.sock 2>&1; sleep 30',
                ]),
            );
            await lineMatching(followed, /^data=writable$/);
            const mounts = JSON.parse(
                dockerCli(['inspect', '--format', '{{json .Mounts}}', followed.sandbox.id]),
            ) as unknown[];
            const host = JSON.parse(
                dockerCli(['inspect', '--format', '{{json .HostConfig}}', followed.sandbox.id]),
            ) as { Binds: unknown; Tmpfs: Record<string, string>; Privileged: boolean };
            assert.deepEqual(mounts, [], 'no volume or bind: /data is a tmpfs');
            assert.ok(host.Binds === null || (Array.isArray(host.Binds) && host.Binds.length === 0));
            assert.deepEqual(Object.keys(host.Tmpfs).sort(), ['/data', '/tmp']);
            assert.equal(host.Privileged, false);
            await lineMatching(followed, /docker\.sock.*No such file/);
            await followed.sandbox.stop('requested', 1000);
        },
    );

    it(
        'stops a fork bomb at the process limit and says so (cgroup pids.events on this local engine)',
        { timeout: 60_000 },
        async () => {
            const { exit, events } = await runToEnd(await policyFor(BUSYBOX, FORK_BOMB, { pids: 32 }));
            assert.equal(exit.pidsLimitHit, true, JSON.stringify(exit));
            assert.equal(exit.pidsEvidence, 'cgroup pids.events');
            assert.equal(exit.oomKilled, false);
            assert.equal(exit.stopped, false);
            assert.match(exit.reason, /^hit the limit of 32 processes/);
            const hit = events.find((event) => event.type === 'limit-hit');
            assert.ok(hit && hit.type === 'limit-hit' && hit.max === 32 && hit.evidence === 'cgroup pids.events');
            assert.ok(events.some((event) => event.type === 'removed'));
        },
    );

    it(
        'reports a fork bomb at the process limit when the cgroup files are out of reach: from the engine stats, or what the app printed',
        { timeout: 60_000 },
        async () => {
            // What the watch saw, for the failure message.
            const seen: string[] = [];
            const log = {
                ...silentLogger,
                trace: (line: string) => seen.push(line),
                debug: (line: string) => seen.push(line),
                warn: (line: string) => seen.push(line),
            };
            const remote = new RemoteLookingClient(
                { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
                { log },
            );
            const sandbox = await startSandbox(remote, await policyFor(BUSYBOX, FORK_BOMB, { pids: 24 }));
            const timer = new AbortController();
            const exit = await Promise.race([
                sandbox.exited,
                delay(40_000, undefined, { signal: timer.signal }).then(
                    () => 'still running' as const,
                    () => null,
                ),
            ]);
            timer.abort();
            if (exit === 'still running') {
                await sandbox.stop('requested', 0);
            }
            const detail = `${JSON.stringify(exit)}\n${seen.slice(-30).join('\n')}`;
            assert.ok(exit !== 'still running' && exit?.pidsLimitHit === true, detail);
            // A sample of the stats catches the bomb while it lasts; when it ends the app first, its "can't fork" does.
            assert.ok(exit.pidsEvidence === 'engine stats' || exit.pidsEvidence === 'app output', detail);
            assert.match(exit.reason, /^hit the limit of 24 processes/);
        },
    );

    it('reports a memory hog as OOM-killed with the limit in MiB (busybox)', { timeout: 60_000 }, async () => {
        const { exit } = await runToEnd(
            await policyFor(BUSYBOX, ['sh', '-c', 'echo filling; tail /dev/zero'], { memoryBytes: 16 * MiB }),
        );
        assert.equal(exit.oomKilled, true, JSON.stringify(exit));
        assert.equal(exit.code, 137);
        assert.equal(exit.reason, 'exceeded the 16 MiB memory limit (killed for lack of memory)');
        assert.deepEqual(exit.lastLines, ['filling']);
    });

    it('reports a Node app that allocates past its limit as OOM-killed', { timeout: 60_000 }, async () => {
        const hog = 'const kept = []; setInterval(() => kept.push(Buffer.alloc(8 << 20, 1)), 5);';
        const { exit } = await runToEnd(await policyFor(NODE, ['node', '-e', hog], { memoryBytes: 96 * MiB }));
        assert.equal(exit.oomKilled, true, JSON.stringify(exit));
        assert.equal(exit.reason, 'exceeded the 96 MiB memory limit (killed for lack of memory)');
    });

    it('reports a non-zero exit with its code and last lines', { timeout: 60_000 }, async () => {
        const { exit } = await runToEnd(
            await policyFor(BUSYBOX, ['sh', '-c', 'echo starting; echo "config missing" >&2; exit 3']),
        );
        assert.equal(exit.code, 3);
        assert.equal(exit.reason, 'exited with code 3');
        assert.equal(exit.oomKilled, false);
        assert.equal(exit.pidsLimitHit, false);
        assert.deepEqual([...exit.lastLines].sort(), ['config missing', 'starting']);
    });

    it(
        "applies a target snapshot's memory, CPUs, open files and user over the settings",
        { timeout: 60_000 },
        async () => {
            const target: SandboxTarget = {
                meta: {
                    capturedAt: '2026-11-27T00:00:00Z',
                    source: { kind: 'container', ref: 'prod-web' },
                    tool: { name: 'parity', version: 'test' },
                },
                resources: { cpus: 0.5, memoryBytes: 8192 * MiB, memoryLimitBytes: 200 * MiB },
                limits: { nofile: { soft: 1024, hard: 2048 }, nproc: null },
                user: { uid: 1234, gid: 1235, name: 'app', home: '/home/app' },
            };
            const policy = await policyFor(
                BUSYBOX,
                ['sh', '-c', 'echo nofile=$(ulimit -n)/$(ulimit -Hn) uid=$(id -u) gid=$(id -g); sleep 30'],
                { memoryBytes: 512 * MiB, cpus: 1 },
                { target },
            );
            assert.match(
                policy.summary.join('\n'),
                /Memory 200 MiB, no swap — the target's snapshot \(container prod-web\)/,
            );
            const followed = await start(policy);
            const line = await lineMatching(followed, /^nofile=/);
            assert.equal(line, 'nofile=1024/2048 uid=1234 gid=1235');
            const host = JSON.parse(
                dockerCli(['inspect', '--format', '{{json .HostConfig}}', followed.sandbox.id]),
            ) as { Memory: number; MemorySwap: number; NanoCpus: number; Ulimits: unknown; PidsLimit: number };
            assert.equal(host.Memory, 200 * MiB);
            assert.equal(host.MemorySwap, 200 * MiB);
            assert.equal(host.NanoCpus, 0.5e9);
            assert.equal(host.PidsLimit, 256);
            assert.deepEqual(host.Ulimits, [{ Name: 'nofile', Soft: 1024, Hard: 2048 }]);
            const exit = await followed.sandbox.stop('requested', 1000);
            assert.equal(exit?.reason, 'stopped');
        },
    );
});
