// A sandbox's network and life against the real engine: loopback-only publishing (proved against the
// machine's other addresses), readiness, stop, cancellation at every step, and removal on every path.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { SandboxError } from '../../src/core/sandbox/SandboxError';
import { EngineError } from '../../src/engine/EngineError';
import { tcpOpen } from '../../src/engine/sandbox/httpProbe';
import { listSandboxes, stopSandboxNamed } from '../../src/engine/sandbox/sandboxContainers';
import { dockerCli } from '../support/dockerCli';
import { waitForHttp } from '../support/waitForHttp';
import { requireEngine } from './requireEngine';
import { BUSYBOX, client, httpd, leftovers, policyFor, start } from './sandboxTestKit';

const DUMMY_LINK = 'parity-dummy0';
const DUMMY_ADDRESS = '198.51.100.7';

/**
 * The machine's IPv4 addresses other than loopback. A machine with none gets a dummy interface with a
 * documentation address (root only), so the check below always has an address to try.
 */
function nonLoopbackAddresses(): { addresses: string[]; cleanup: () => void } {
    const found = Object.values(networkInterfaces())
        .flat()
        .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
        .map((entry) => entry?.address ?? '');
    if (found.length > 0) {
        return { addresses: found, cleanup: () => undefined };
    }
    execFileSync('ip', ['link', 'add', DUMMY_LINK, 'type', 'dummy']);
    execFileSync('ip', ['addr', 'add', `${DUMMY_ADDRESS}/32`, 'dev', DUMMY_LINK]);
    execFileSync('ip', ['link', 'set', DUMMY_LINK, 'up']);
    return { addresses: [DUMMY_ADDRESS], cleanup: () => execFileSync('ip', ['link', 'del', DUMMY_LINK]) };
}

describe('sandbox network and lifecycle (real engine)', () => {
    const controls: string[] = [];
    before(requireEngine);
    after(() => {
        for (const id of controls) {
            dockerCli(['rm', '--force', id]);
        }
        assert.deepEqual(leftovers(), [], 'every sandbox of this suite was removed');
    });

    it(
        'publishes the port on 127.0.0.1 only: it answers there and on no other address of this machine',
        { timeout: 60_000 },
        async () => {
            const followed = await start(await policyFor(BUSYBOX, httpd(), {}, { port: 8080 }));
            const { sandbox } = followed;
            const ready = await sandbox.waitReady({ timeoutMs: 15_000 });
            assert.equal(ready.path, '/healthz');
            assert.equal(ready.status, 200);
            assert.equal(ready.url, sandbox.url);
            assert.match(await waitForHttp(`${sandbox.url}/healthz`, 5000), /^ok/);

            const ports = JSON.parse(
                dockerCli(['inspect', '--format', '{{json .NetworkSettings.Ports}}', sandbox.id]),
            ) as Record<string, { HostIp: string; HostPort: string }[]>;
            assert.deepEqual(ports['8080/tcp'], [{ HostIp: '127.0.0.1', HostPort: String(sandbox.hostPort) }]);
            const bindings = JSON.parse(
                dockerCli(['inspect', '--format', '{{json .HostConfig.PortBindings}}', sandbox.id]),
            ) as Record<string, { HostIp: string }[]>;
            assert.equal(bindings['8080/tcp']?.[0]?.HostIp, '127.0.0.1');

            // Control 1: the same check sees a wrongly published port — a container bound on all addresses
            // answers on them — so the refusals below are the sandbox's binding, not an unreachable address.
            const control = dockerCli([
                'run',
                '-d',
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=test-control',
                '-p',
                '0.0.0.0::8080',
                BUSYBOX,
                'sh',
                '-c',
                'echo ok > /tmp/i; exec httpd -f -p 8080 -h /tmp',
            ]);
            controls.push(control);
            const controlPort = Number(dockerCli(['port', control, '8080/tcp']).split('\n')[0]?.split(':').pop());
            // Control 2: a plain listener on every address is reachable through each address.
            const listener = createServer((socket) => socket.end());
            await new Promise<void>((resolve) => listener.listen(0, '0.0.0.0', resolve));
            const listenerPort = (listener.address() as { port: number }).port;

            const { addresses, cleanup } = nonLoopbackAddresses();
            try {
                assert.ok(addresses.length > 0);
                for (const address of addresses) {
                    assert.equal(await tcpOpen(address, listenerPort, 2000), true, `${address} is reachable at all`);
                    assert.equal(
                        await tcpOpen(address, controlPort, 2000),
                        true,
                        `a port published on 0.0.0.0 answers on ${address}`,
                    );
                    assert.equal(
                        await tcpOpen(address, sandbox.hostPort ?? 0, 2000),
                        false,
                        `the sandbox's port must not answer on ${address}`,
                    );
                }
                assert.equal(await tcpOpen('127.0.0.1', sandbox.hostPort ?? 0, 2000), true);
            } finally {
                cleanup();
                listener.close();
            }
            const exit = await sandbox.stop('requested', 1000);
            assert.equal(exit?.stopped, true);
            assert.equal(exit?.reason, 'stopped');
            assert.deepEqual(leftovers(), []);
        },
    );

    it('without a /healthz the readiness check falls back to /', { timeout: 60_000 }, async () => {
        const { sandbox } = await start(await policyFor(BUSYBOX, httpd(false), {}, { port: 8080 }));
        const ready = await sandbox.waitReady({ timeoutMs: 15_000 });
        assert.equal(ready.path, '/');
        assert.ok(ready.status < 500);
        await sandbox.stop('requested', 1000);
    });

    it(
        'an app that ends before answering fails the wait with its exit reason, and is removed',
        { timeout: 60_000 },
        async () => {
            const { sandbox } = await start(
                await policyFor(BUSYBOX, ['sh', '-c', 'echo no server here; exit 4'], {}, { port: 8080 }),
            );
            await assert.rejects(sandbox.waitReady({ timeoutMs: 15_000 }), (error: unknown) => {
                assert.ok(error instanceof SandboxError);
                assert.equal(error.kind, 'exited');
                assert.match(
                    error.message,
                    /^The app exited with code 4 before it answered( on http:\/\/127\.0\.0\.1:\d+)?\.$/,
                );
                assert.deepEqual(error.lastLines, ['no server here']);
                return true;
            });
            assert.deepEqual(leftovers(), []);
        },
    );

    it(
        'stop sends SIGTERM, then SIGKILL after the grace period, and removes the container',
        { timeout: 60_000 },
        async () => {
            const { sandbox, events } = await start(
                await policyFor(BUSYBOX, [
                    'sh',
                    '-c',
                    'trap "echo got TERM; exit 0" TERM; while true; do sleep 0.1; done',
                ]),
            );
            await new Promise((resolve) => setTimeout(resolve, 300));
            const exit = await sandbox.stop();
            assert.equal(exit?.stopped, true);
            assert.equal(exit?.code, 0, 'the app saw SIGTERM and ended by itself');
            assert.ok(exit?.lastLines.includes('got TERM'));
            assert.deepEqual(
                events.map((event) => event.type).filter((type) => type !== 'log'),
                ['created', 'started', 'stopping', 'exited', 'removed'],
            );

            const stubborn = await start(
                await policyFor(BUSYBOX, ['sh', '-c', 'trap "" TERM; while true; do sleep 0.1; done']),
            );
            const startedStop = performance.now();
            const killed = await stubborn.sandbox.stop('requested', 1000);
            assert.equal(killed?.code, 137, 'SIGKILL after the grace period');
            assert.ok(performance.now() - startedStop < 8000);
            assert.deepEqual(leftovers(), []);
        },
    );

    it('cancelled before, during and after the start: no container is left', { timeout: 60_000 }, async () => {
        await assert.rejects(
            start(await policyFor(BUSYBOX, ['sleep', '30']), { signal: AbortSignal.abort() }),
            (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
        );
        assert.deepEqual(leftovers(), []);

        const duringCreate = new AbortController();
        const pending = start(await policyFor(BUSYBOX, ['sleep', '30']), { signal: duringCreate.signal });
        duringCreate.abort();
        await assert.rejects(pending, (error: unknown) => error instanceof EngineError && error.kind === 'cancelled');
        assert.deepEqual(leftovers(), []);

        const onCreated = new AbortController();
        await assert.rejects(
            start(await policyFor(BUSYBOX, ['sleep', '30']), {
                signal: onCreated.signal,
                onEvent: (event) => event.type === 'created' && onCreated.abort(),
            }),
            (error: unknown) => error instanceof EngineError && error.kind === 'cancelled',
        );
        assert.deepEqual(leftovers(), []);

        const later = new AbortController();
        const { sandbox } = await start(await policyFor(BUSYBOX, ['sleep', '30']), {
            signal: later.signal,
            stopGraceMs: 1000,
        });
        later.abort();
        const exit = await sandbox.exited;
        assert.equal(exit?.stopped, true);
        assert.deepEqual(leftovers(), []);
    });

    it(
        'lists sandboxes by label, and stopSandboxNamed stops one but refuses other containers',
        { timeout: 60_000 },
        async () => {
            const { sandbox } = await start(await policyFor(BUSYBOX, httpd(), {}, { port: 8080 }));
            await sandbox.waitReady({ timeoutMs: 15_000 });
            sandbox.detach();
            assert.equal(await sandbox.exited, null);
            const row = (await listSandboxes(client)).find((entry) => entry.name === sandbox.name);
            assert.ok(row, 'a detached sandbox stays listed');
            assert.equal(row.state, 'running');
            assert.equal(row.url, sandbox.url);
            assert.deepEqual(row.ports, [`127.0.0.1:${sandbox.hostPort}->8080/tcp`]);

            const plain = dockerCli(['create', '--name', `parity-test-plain-${process.pid}`, BUSYBOX]);
            try {
                await assert.rejects(
                    stopSandboxNamed(client, `parity-test-plain-${process.pid}`),
                    (error: unknown) => error instanceof SandboxError && /is not a Parity sandbox/.test(error.message),
                );
                assert.equal(dockerCli(['inspect', '--format', '{{.State.Status}}', plain]), 'created', 'left alone');
            } finally {
                dockerCli(['rm', '--force', plain]);
            }
            await assert.rejects(
                stopSandboxNamed(client, 'parity-no-such-sandbox'),
                (error: unknown) => error instanceof SandboxError && error.kind === 'not-found',
            );

            const exit = await stopSandboxNamed(client, sandbox.name, { graceMs: 1000 });
            assert.equal(exit.stopped, true);
            assert.deepEqual(leftovers(), []);
        },
    );
});
