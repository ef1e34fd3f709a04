import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    DEFAULT_CPUS,
    DEFAULT_MEMORY_BYTES,
    DEFAULT_PIDS,
    NOBODY,
    sandboxPolicy,
    SandboxPolicyError,
    type SandboxPolicyInput,
    type SandboxTarget,
} from '../../../../src/core/sandbox/sandboxPolicy';

const MiB = 1024 * 1024;

function input(overrides: Partial<SandboxPolicyInput> = {}): SandboxPolicyInput {
    return {
        name: 'parity-sandbox-shop-abc123',
        image: {
            ref: 'shop:parity',
            config: { User: 'node', ExposedPorts: { '8080/tcp': {} }, Env: ['PATH=/usr/bin', 'NODE_ENV=production'] },
        },
        port: 3000,
        settings: { projectLabel: '/work/shop' },
        ...overrides,
    };
}

function target(overrides: Partial<SandboxTarget> = {}): SandboxTarget {
    return {
        meta: {
            capturedAt: '2026-11-27T00:00:00Z',
            source: { kind: 'container', ref: 'web-1' },
            tool: { name: 'parity', version: 'test' },
        },
        resources: { cpus: 0.5, memoryBytes: 8192 * MiB, memoryLimitBytes: 256 * MiB },
        limits: { nofile: { soft: 1024, hard: 4096 }, nproc: { soft: 512, hard: 512 } },
        user: { uid: 1001, gid: 1002, name: 'app', home: '/home/app' },
        ...overrides,
    };
}

describe('sandboxPolicy', () => {
    it('locks everything down by default', () => {
        const policy = sandboxPolicy(input());
        const host = policy.create.HostConfig;
        assert.equal(policy.create.User, 'node');
        assert.deepEqual(host.CapDrop, ['ALL']);
        assert.deepEqual(host.CapAdd, []);
        assert.deepEqual(host.SecurityOpt, ['no-new-privileges']);
        assert.equal(host.Privileged, false);
        assert.equal(host.ReadonlyRootfs, true);
        assert.deepEqual(Object.keys(host.Tmpfs), ['/tmp']);
        assert.match(host.Tmpfs['/tmp'] ?? '', /^rw,noexec,nosuid,nodev,size=67108864,mode=1777$/);
        assert.equal(host.Memory, DEFAULT_MEMORY_BYTES);
        assert.equal(host.MemorySwap, host.Memory, 'no swap on top of the memory limit');
        assert.equal(host.NanoCpus, DEFAULT_CPUS * 1e9);
        assert.equal(host.PidsLimit, DEFAULT_PIDS);
        assert.deepEqual(host.Binds, []);
        assert.deepEqual(host.Mounts, []);
        assert.deepEqual(host.VolumesFrom, []);
        assert.deepEqual(host.Devices, []);
        assert.equal(host.AutoRemove, false);
        assert.equal(host.NetworkMode, 'bridge');
        assert.equal(host.PublishAllPorts, false);
        assert.deepEqual(host.PortBindings, { '3000/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
        assert.deepEqual(policy.create.ExposedPorts, { '3000/tcp': {} });
        assert.deepEqual(policy.create.Labels, {
            'parity.container': 'parity-sandbox-shop-abc123',
            'parity.managed': 'true',
            'parity.purpose': 'sandbox',
            'parity.project': '/work/shop',
            'parity.image': 'shop:parity',
            'parity.port': '3000',
        });
        assert.deepEqual(host.Ulimits, []);
        assert.equal(policy.port, 3000);
    });

    it('never runs as root: a root image gets nobody, with a note', () => {
        for (const user of [undefined, null, '', 'root', '0', '0:0', 'root:root']) {
            const policy = sandboxPolicy(
                input({ image: { ref: 'x', config: user === undefined ? {} : { User: user } } }),
            );
            assert.equal(policy.create.User, NOBODY, `USER ${String(user)}`);
            assert.equal(policy.limits.user.source, 'default');
            assert.match(policy.notes.join('\n'), /runs as root; the sandbox runs it as 65534:65534/);
        }
        assert.equal(
            sandboxPolicy(input({ image: { ref: 'x', config: { User: '1000:1000' } } })).create.User,
            '1000:1000',
        );
        assert.equal(sandboxPolicy(input({ image: { ref: 'x', config: null } })).create.User, NOBODY);
    });

    it('settings change the limits and the summary says where each came from', () => {
        const policy = sandboxPolicy(input({ settings: { memoryBytes: 256 * MiB, cpus: 1.5, pids: 64 } }));
        assert.equal(policy.create.HostConfig.Memory, 256 * MiB);
        assert.equal(policy.create.HostConfig.MemorySwap, 256 * MiB);
        assert.equal(policy.create.HostConfig.NanoCpus, 1.5e9);
        assert.equal(policy.create.HostConfig.PidsLimit, 64);
        const summary = policy.summary.join('\n');
        assert.match(summary, /Memory 256 MiB, no swap — your setting\./);
        assert.match(summary, /CPUs 1\.5 — your setting\./);
        assert.match(summary, /At most 64 processes — your setting\./);
        assert.match(sandboxPolicy(input()).summary.join('\n'), /Memory 512 MiB, no swap — Parity's default\./);
    });

    it("a target snapshot's memory, CPUs, ulimits and user win over settings (limits parity)", () => {
        const policy = sandboxPolicy(input({ settings: { memoryBytes: 1024 * MiB, cpus: 2 }, target: target() }));
        const host = policy.create.HostConfig;
        assert.equal(host.Memory, 256 * MiB);
        assert.equal(host.MemorySwap, 256 * MiB);
        assert.equal(host.NanoCpus, 0.5e9);
        assert.deepEqual(host.Ulimits, [
            { Name: 'nofile', Soft: 1024, Hard: 4096 },
            { Name: 'nproc', Soft: 512, Hard: 512 },
        ]);
        assert.equal(policy.create.User, '1001:1002');
        const summary = policy.summary.join('\n');
        assert.match(summary, /Memory 256 MiB, no swap — the target's snapshot \(container web-1\)\./);
        assert.match(summary, /Open files 1024 soft \/ 4096 hard — the target's snapshot/);
        assert.match(summary, /User 1001:1002 — the target's snapshot/);
    });

    it('a root target does not make the sandbox root; unlimited or unknown target limits are left to the engine', () => {
        const policy = sandboxPolicy(
            input({
                target: target({
                    user: { uid: 0, gid: 0, name: 'root', home: '/root' },
                    resources: { cpus: null, memoryBytes: 1, memoryLimitBytes: null },
                    limits: { nofile: { soft: null, hard: null }, nproc: null },
                }),
            }),
        );
        assert.equal(policy.create.User, 'node');
        assert.equal(policy.create.HostConfig.Memory, DEFAULT_MEMORY_BYTES);
        assert.equal(policy.limits.memoryBytes.source, 'default');
        assert.deepEqual(policy.create.HostConfig.Ulimits, []);
        assert.match(policy.notes.join('\n'), /The target runs as root; the sandbox never does\./);
        assert.match(policy.notes.join('\n'), /no limit on open files/);
    });

    it('every spelling of uid 0 in USER is root: the sandbox runs as nobody and says so', () => {
        for (const user of ['00', '000:1000', '+0', '-0', ' 0', '0 ', 'root:x', ' root ', '+00:0']) {
            const policy = sandboxPolicy(input({ image: { ref: 'x', config: { User: user } } }));
            assert.equal(policy.create.User, NOBODY, `USER "${user}"`);
            assert.match(
                policy.notes.join('\n'),
                /The image runs as root; the sandbox runs it as 65534:65534/,
                `USER "${user}"`,
            );
        }
        for (const user of ['1000', '01000', '+1000:0', 'rootless', 'app:root']) {
            assert.equal(
                sandboxPolicy(input({ image: { ref: 'x', config: { User: user } } })).create.User,
                user,
                `USER "${user}" is not root`,
            );
        }
    });

    it("a target uid of 0 in any form is root: the image's user or nobody, never uid 0", () => {
        // A snapshot typed around (a string uid, -0) must still not make the sandbox root.
        for (const uid of [0, -0, '0', '00'] as unknown as number[]) {
            const policy = sandboxPolicy(
                input({
                    image: { ref: 'x', config: { User: 'root' } },
                    target: target({ user: { uid, gid: 0, name: null, home: null } }),
                }),
            );
            assert.equal(policy.create.User, NOBODY, `uid ${JSON.stringify(uid)}`);
            assert.match(policy.notes.join('\n'), /The target runs as root; the sandbox never does\./);
        }
    });

    it("lowers a memory limit above the engine's memory to it, and says so: a file never lifts the limit", () => {
        const huge = 64 * 1024 * 1024 * MiB;
        const policy = sandboxPolicy(
            input({
                target: target({ resources: { cpus: 1, memoryBytes: huge, memoryLimitBytes: huge } }),
                engineMemoryBytes: 4096 * MiB,
            }),
        );
        assert.equal(policy.create.HostConfig.Memory, 4096 * MiB);
        assert.equal(policy.create.HostConfig.MemorySwap, 4096 * MiB);
        assert.equal(policy.limits.memoryBytes.source, 'target');
        assert.match(
            policy.notes.join('\n'),
            /The target has 67108864 MiB of memory; the engine has 4096 MiB, so the sandbox gets 4096 MiB\./,
        );
        const asked = sandboxPolicy(input({ settings: { memoryBytes: 8192 * MiB }, engineMemoryBytes: 4096 * MiB }));
        assert.equal(asked.create.HostConfig.Memory, 4096 * MiB);
        assert.match(asked.notes.join('\n'), /You asked for 8192 MiB of memory; the engine has 4096 MiB/);
        assert.equal(
            sandboxPolicy(input({ engineMemoryBytes: 4096 * MiB })).create.HostConfig.Memory,
            DEFAULT_MEMORY_BYTES,
            'a limit within the engine stays',
        );
    });

    it('lowers a CPU limit the engine could not give, and says so', () => {
        const policy = sandboxPolicy(input({ settings: { cpus: 8 }, engineCpus: 2 }));
        assert.equal(policy.create.HostConfig.NanoCpus, 2e9);
        assert.match(policy.notes.join('\n'), /You asked for 8 CPUs; the engine has 2/);
    });

    it('publishes only on 127.0.0.1, on a given port when asked; nothing with network none', () => {
        assert.deepEqual(sandboxPolicy(input({ settings: { hostPort: 18080 } })).create.HostConfig.PortBindings, {
            '3000/tcp': [{ HostIp: '127.0.0.1', HostPort: '18080' }],
        });
        const offline = sandboxPolicy(input({ settings: { network: 'none', hostPort: 18080 } }));
        assert.equal(offline.create.HostConfig.NetworkMode, 'none');
        assert.deepEqual(offline.create.HostConfig.PortBindings, {});
        assert.match(offline.summary.join('\n'), /Network: none/);
    });

    it("falls back to the image's lowest exposed TCP port, and says when there is none", () => {
        const image = {
            ref: 'x',
            config: { User: 'app', ExposedPorts: { '9000/tcp': {}, '53/udp': {}, '8080/tcp': {} } },
        };
        assert.equal(sandboxPolicy(input({ image, port: null })).port, 8080);
        const none = sandboxPolicy(input({ image: { ref: 'x', config: { User: 'app' } }, port: null }));
        assert.equal(none.port, null);
        assert.deepEqual(none.create.HostConfig.PortBindings, {});
        assert.deepEqual(none.create.ExposedPorts, {});
        assert.equal(none.create.Labels['parity.port'], undefined);
        assert.match(none.notes.join('\n'), /No port is known/);
    });

    it('gives writable paths and image VOLUMEs a sized tmpfs, never a volume', () => {
        const policy = sandboxPolicy(
            input({
                image: { ref: 'x', config: { User: 'app', Volumes: { '/data': {} } } },
                settings: { writablePaths: ['/app/cache/', '/tmp'], tmpfsBytes: 16 * MiB },
            }),
        );
        assert.deepEqual(Object.keys(policy.create.HostConfig.Tmpfs), ['/tmp', '/app/cache', '/data']);
        assert.match(policy.create.HostConfig.Tmpfs['/data'] ?? '', /size=16777216/);
        assert.match(policy.notes.join('\n'), /VOLUME \/data; the sandbox gives it a tmpfs instead/);
        assert.throws(() => sandboxPolicy(input({ settings: { writablePaths: ['relative'] } })), SandboxPolicyError);
        assert.throws(() => sandboxPolicy(input({ settings: { writablePaths: ['/proc/sys'] } })), SandboxPolicyError);
        assert.throws(() => sandboxPolicy(input({ settings: { writablePaths: ['/'] } })), SandboxPolicyError);
    });

    it('passes .env values to the engine but never into the summary; settings win over .env', () => {
        const policy = sandboxPolicy(
            input({
                settings: {
                    env: { NODE_ENV: 'development', LOG_LEVEL: 'debug' },
                    dotenv: { DATABASE_URL: 'postgres://u:hunter2@db/x', NODE_ENV: 'test' },
                },
            }),
        );
        assert.deepEqual([...policy.create.Env].sort(), [
            'DATABASE_URL=postgres://u:hunter2@db/x',
            'LOG_LEVEL=debug',
            'NODE_ENV=development',
        ]);
        const text = [...policy.summary, ...policy.notes].join('\n');
        assert.doesNotMatch(text, /hunter2|postgres:/);
        assert.match(
            text,
            /2 from settings \(NODE_ENV, LOG_LEVEL\) and 2 from \.env \(values not shown\); overrides the image's NODE_ENV/,
        );
        assert.match(
            sandboxPolicy(input({ settings: { env: { API_TOKEN: 'x' } } })).notes.join('\n'),
            /API_TOKEN looks like a secret/,
        );
    });

    it('refuses settings the engine would refuse', () => {
        assert.throws(
            () => sandboxPolicy(input({ settings: { memoryBytes: 4 * MiB } })),
            /below the engine's minimum of 6 MiB/,
        );
        assert.throws(() => sandboxPolicy(input({ settings: { cpus: 0 } })), SandboxPolicyError);
        assert.throws(() => sandboxPolicy(input({ settings: { pids: 0 } })), SandboxPolicyError);
        assert.throws(() => sandboxPolicy(input({ settings: { pids: 2.5 } })), SandboxPolicyError);
        assert.throws(() => sandboxPolicy(input({ port: 70000 })), SandboxPolicyError);
        assert.throws(() => sandboxPolicy(input({ settings: { hostPort: 0 } })), SandboxPolicyError);
    });

    it('replaces the CMD only when a command is given', () => {
        assert.equal(sandboxPolicy(input()).create.Cmd, undefined);
        assert.deepEqual(sandboxPolicy(input({ command: ['node', 'worker.js'] })).create.Cmd, ['node', 'worker.js']);
    });
});

describe("sandboxPolicy: values given for a target's variables", () => {
    it('passes them over .env and under plain settings, and names them without their values', () => {
        const policy = sandboxPolicy(
            input({
                settings: {
                    dotenv: { FOO: 'from-dotenv', BAR: 'from-dotenv' },
                    givenEnv: { BAR: 's3cret-given' },
                    targetEnv: { TZ: 'Asia/Tokyo', LANG: '' },
                },
            }),
        );
        assert.deepEqual([...policy.create.Env].sort(), [
            'BAR=s3cret-given',
            'FOO=from-dotenv',
            'LANG=',
            'TZ=Asia/Tokyo',
        ]);
        const text = [...policy.summary, ...policy.notes].join('\n');
        assert.match(
            text,
            /1 given for the target \(BAR; values not shown\) and 2 as on the target \(TZ=Asia\/Tokyo, LANG emptied\)/,
        );
        assert.doesNotMatch(text, /s3cret-given|from-dotenv/);
    });
});
