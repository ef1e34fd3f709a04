// Escape attempts from inside a sandbox, each started through the real policy and runner (sandboxPolicy +
// startSandbox) against the real engine, each failing with the error the kernel or the tool gives. What the
// sandbox looks like from inside (capabilities, user, read-only root, limits) is sandboxContainment's job;
// this suite tries to get out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SandboxSettings } from '../../src/core/sandbox/sandboxPolicy';
import { dockerCli } from '../support/dockerCli';
import { requireEngine } from './requireEngine';
import { leftovers, policyFor, runToEnd } from './sandboxTestKit';

const PYTHON = 'python:3.12.1-slim-bookworm';
/** debian:bookworm-slim (util-linux mount and unshare) plus a setuid-root copy of bash. */
const SETUID_IMAGE = `parity-test/escape-setuid:${process.pid}`;
/** The same image run by a user whose name is not "root" but whose uid in the image's /etc/passwd is 0. */
const ROOT_BY_NAME_IMAGE = `parity-test/escape-toor:${process.pid}`;
const MiB = 1024 * 1024;

/** Runs `sh -c SCRIPT` (stderr folded into stdout, so lines keep their order) in a sandbox; its lines and exit. */
async function shell(
    image: string,
    script: string,
    settings: SandboxSettings = {},
): Promise<{ lines: string[]; code: number | null }> {
    const { exit, lines } = await runToEnd(await policyFor(image, ['sh', '-c', `exec 2>&1; ${script}`], settings));
    return { lines: lines(), code: exit.code };
}

/**
 * Python that makes each attempt and prints `NAME: ERRNO strerror`, or `NAME: succeeded …` should one work.
 * Each line is flushed at once, so it is out before anything stops the sandbox.
 */
function python(attempts: string): string[] {
    return [
        'python3',
        '-u',
        '-c',
        [
            'import ctypes, errno, os, socket, struct, time',
            'def attempt(name, fn):',
            '    try:',
            '        print(f"{name}: succeeded {fn()!r}")',
            '    except OSError as e:',
            '        print(f"{name}: {errno.errorcode.get(e.errno)} {e.strerror}")',
            attempts,
        ].join('\n'),
    ];
}

async function pythonLines(
    attempts: string,
    settings: SandboxSettings = {},
): Promise<{ lines: string[]; code: number | null; pidsLimitHit: boolean }> {
    const { exit, lines } = await runToEnd(await policyFor(PYTHON, python(attempts), settings));
    return { lines: lines(), code: exit.code, pidsLimitHit: exit.pidsLimitHit };
}

describe('sandbox escape attempts all fail (real engine)', () => {
    let folder = '';
    before(async () => {
        await requireEngine();
        folder = mkdtempSync(join(tmpdir(), 'parity-escape-'));
        writeFileSync(
            join(folder, 'Dockerfile'),
            [
                'FROM debian:bookworm-slim',
                'RUN cp /bin/bash /usr/local/bin/rootsh && chmod 4755 /usr/local/bin/rootsh',
                `LABEL parity.test=escape-${process.pid}`,
            ].join('\n'),
        );
        dockerCli(['build', '--quiet', '--tag', SETUID_IMAGE, folder]);
        writeFileSync(
            join(folder, 'Dockerfile'),
            [
                `FROM ${SETUID_IMAGE}`,
                "RUN echo 'toor:x:0:0:root by another name:/root:/bin/sh' >> /etc/passwd",
                'USER toor',
            ].join('\n'),
        );
        dockerCli(['build', '--quiet', '--tag', ROOT_BY_NAME_IMAGE, folder]);
    });
    after(() => {
        dockerCli(['rmi', '--force', ROOT_BY_NAME_IMAGE, SETUID_IMAGE]);
        rmSync(folder, { recursive: true, force: true });
        assert.deepEqual(leftovers(), [], 'every sandbox of this suite was removed');
    });

    it(
        "root by another name: a USER whose uid is 0 in the image's /etc/passwd runs as nobody",
        { timeout: 60_000 },
        async () => {
            const policy = await policyFor(ROOT_BY_NAME_IMAGE, [
                'sh',
                '-c',
                'id -u; id -g; grep -c "^toor:x:0:" /etc/passwd',
            ]);
            assert.equal(policy.create.User, 'toor', 'the policy alone cannot tell: the name is not root');
            const { exit, lines, events } = await runToEnd(policy);
            assert.deepEqual(
                lines(),
                ['65534', '65534', '1'],
                'the image really maps toor to uid 0, and the sandbox ran as nobody',
            );
            assert.equal(exit.code, 0);
            assert.ok(
                events.some(
                    (event) =>
                        event.type === 'warning' &&
                        /user toor is root \(uid 0 in its \/etc\/passwd\)/.test(event.message),
                ),
                'the sandbox says why',
            );
        },
    );

    it(
        'mount: util-linux mount (setuid root in Debian) and the mount syscall are refused',
        { timeout: 60_000 },
        async () => {
            const { lines } = await shell(
                SETUID_IMAGE,
                'ls -l /bin/mount; mount -t tmpfs none /mnt; echo "mount exit=$?"; grep -c " /mnt " /proc/mounts',
            );
            assert.match(
                lines[0] ?? '',
                /^-rwsr-xr-x 1 root root .* \/bin\/mount$/,
                'the test means something: mount is setuid root',
            );
            assert.ok(lines.includes('mount: /mnt: must be superuser to use mount.'), lines.join('\n'));
            assert.ok(lines.includes('mount exit=32'), lines.join('\n'));
            assert.equal(lines.at(-1), '0', 'nothing is mounted on /mnt');
            const syscall = await pythonLines(
                [
                    'libc = ctypes.CDLL(None, use_errno=True)',
                    'def mount():',
                    '    if libc.mount(b"none", b"/mnt", b"tmpfs", 0, None) != 0:',
                    '        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))',
                    'attempt("mount", mount)',
                ].join('\n'),
            );
            assert.deepEqual(syscall.lines, ['mount: EPERM Operation not permitted']);
            assert.equal(syscall.code, 0);
        },
    );

    it('raw sockets: AF_PACKET and raw ICMP are refused', { timeout: 60_000 }, async () => {
        const { lines, code } = await pythonLines(
            [
                'attempt("AF_PACKET/SOCK_RAW", lambda: socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3)))',
                'attempt("AF_INET/SOCK_RAW", lambda: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP))',
            ].join('\n'),
        );
        assert.deepEqual(lines, [
            'AF_PACKET/SOCK_RAW: EPERM Operation not permitted',
            'AF_INET/SOCK_RAW: EPERM Operation not permitted',
        ]);
        assert.equal(code, 0);
    });

    it('/proc/sys is read-only, and the host name cannot be set', { timeout: 60_000 }, async () => {
        const { lines, code } = await pythonLines(
            [
                'for path in ("/proc/sys/kernel/hostname", "/proc/sys/net/ipv4/ip_forward", "/proc/sys/kernel/core_pattern"):',
                '    attempt(path, lambda: open(path, "w").write("1"))',
                'attempt("sethostname", lambda: socket.sethostname("escaped"))',
            ].join('\n'),
        );
        assert.deepEqual(lines, [
            '/proc/sys/kernel/hostname: EROFS Read-only file system',
            '/proc/sys/net/ipv4/ip_forward: EROFS Read-only file system',
            '/proc/sys/kernel/core_pattern: EROFS Read-only file system',
            'sethostname: EPERM Operation not permitted',
        ]);
        assert.equal(code, 0);
    });

    it(
        'the Docker engine: no socket inside, and its API not reachable on the bridge gateway',
        { timeout: 60_000 },
        async () => {
            const { lines, code } = await pythonLines(
                [
                    'def connect_unix(path):',
                    '    s = socket.socket(socket.AF_UNIX)',
                    '    s.connect(path)',
                    'for path in ("/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock"):',
                    '    attempt(path, lambda: connect_unix(path))',
                    'sockets = [os.path.join(d, f) for top in ("/run", "/var/run", "/tmp") for d, _, fs in os.walk(top) for f in fs',
                    '           if (os.lstat(os.path.join(d, f)).st_mode & 0o170000) == 0o140000]',
                    'print(f"sockets under /run, /var/run, /tmp: {sockets}")',
                    'route = [line.split() for line in open("/proc/net/route").read().splitlines()[1:]]',
                    'gateway = next(socket.inet_ntoa(struct.pack("<L", int(f[2], 16))) for f in route if f[1] == "00000000")',
                    'for port in (2375, 2376):',
                    '    attempt(f"engine API on the gateway, port {port}", lambda: socket.create_connection((gateway, port), timeout=3).close())',
                ].join('\n'),
            );
            assert.deepEqual(lines, [
                '/var/run/docker.sock: ENOENT No such file or directory',
                '/run/docker.sock: ENOENT No such file or directory',
                '/run/containerd/containerd.sock: ENOENT No such file or directory',
                'sockets under /run, /var/run, /tmp: []',
                'engine API on the gateway, port 2375: ECONNREFUSED Connection refused',
                'engine API on the gateway, port 2376: ECONNREFUSED Connection refused',
            ]);
            assert.equal(code, 0);
        },
    );

    it(
        'a setuid-root shell gives no root and no capabilities (no-new-privileges), nor does setuid(0)',
        { timeout: 60_000 },
        async () => {
            const { lines, code } = await shell(
                SETUID_IMAGE,
                'ls -l /usr/local/bin/rootsh; rootsh -p -c \'echo "euid=$(id -u) uid=$(id -ru)"; grep -E "^(CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):" /proc/self/status\'',
            );
            assert.match(
                lines[0] ?? '',
                /^-rwsr-xr-x 1 root root .* \/usr\/local\/bin\/rootsh$/,
                'the test means something: the copy is setuid root',
            );
            assert.deepEqual(
                lines.slice(1).map((line) => line.replace(/\t/g, ' ')),
                [
                    'euid=65534 uid=65534',
                    'CapPrm: 0000000000000000',
                    'CapEff: 0000000000000000',
                    'CapBnd: 0000000000000000',
                    'CapAmb: 0000000000000000',
                    'NoNewPrivs: 1',
                ],
            );
            assert.equal(code, 0);
            const direct = await pythonLines(
                'attempt("setuid(0)", lambda: os.setuid(0))\nattempt("setgid(0)", lambda: os.setgid(0))',
            );
            assert.deepEqual(direct.lines, [
                'setuid(0): EPERM Operation not permitted',
                'setgid(0): EPERM Operation not permitted',
            ]);
        },
    );

    it(
        'user namespaces: unshare -r and unshare -U fail, so no capabilities can be gained in one',
        { timeout: 60_000 },
        async () => {
            const { lines, code } = await shell(
                SETUID_IMAGE,
                'unshare -r id -u; echo "unshare -r exit=$?"; unshare -U -m true; echo "unshare -U exit=$?"',
            );
            assert.deepEqual(lines, [
                'unshare: unshare failed: Operation not permitted',
                'unshare -r exit=1',
                'unshare: unshare failed: Operation not permitted',
                'unshare -U exit=1',
            ]);
            assert.equal(code, 0);
            const syscall = await pythonLines(
                'attempt("unshare(CLONE_NEWUSER)", lambda: os.unshare(os.CLONE_NEWUSER))',
            );
            assert.deepEqual(syscall.lines, ['unshare(CLONE_NEWUSER): EPERM Operation not permitted']);
        },
    );

    it(
        'forking past the process limit fails with EAGAIN at exactly the limit (the bomb itself: sandboxContainment)',
        { timeout: 60_000 },
        async () => {
            const { lines, pidsLimitHit } = await pythonLines(
                [
                    'children = []',
                    'def fork():',
                    '    while len(children) < 100:',
                    '        pid = os.fork()',
                    '        if pid == 0:',
                    '            time.sleep(60)',
                    '            os._exit(0)',
                    '        children.append(pid)',
                    'attempt("fork", fork)',
                    'print(f"children: {len(children)}", flush=True)',
                    'time.sleep(5)',
                ].join('\n'),
                { pids: 16 },
            );
            assert.deepEqual(
                lines.slice(0, 2),
                ['fork: EAGAIN Resource temporarily unavailable', 'children: 15'],
                'python and 15 children make the 16 allowed',
            );
            assert.equal(pidsLimitHit, true);
        },
    );

    it(
        'filling /tmp stops at its tmpfs size with ENOSPC; the root file system takes nothing',
        { timeout: 60_000 },
        async () => {
            const { lines, code } = await shell(
                SETUID_IMAGE,
                [
                    'dd if=/dev/zero of=/tmp/fill bs=1M count=64 status=none; echo "dd exit=$?"',
                    'stat -c "size=%s" /tmp/fill',
                    'touch /fill; echo "touch exit=$?"',
                    'dd if=/dev/zero of=/var/tmp/fill bs=1M count=1 status=none; echo "var dd exit=$?"',
                ].join('; '),
                { tmpfsBytes: 8 * MiB },
            );
            assert.deepEqual(lines, [
                "dd: error writing '/tmp/fill': No space left on device",
                'dd exit=1',
                `size=${8 * MiB}`,
                "touch: cannot touch '/fill': Read-only file system",
                'touch exit=1',
                "dd: failed to open '/var/tmp/fill': Read-only file system",
                'var dd exit=1',
            ]);
            assert.equal(code, 0);
        },
    );
});
