// The remote drops mid-probe, for real: a TCP proxy of our own in front of the cloud engine's plain unix socket
// (the client talks tcp://127.0.0.1:PORT without TLS, so the proxy sees the HTTP) cuts the connection once the
// probe's exec output has begun. The snapshot keeps what was read and names the sections it did not
// (meta.unread); the diff treats those as unknown, never as differences. A container that STOPS mid-probe is
// still refused (test/engine/diffDrift.test.ts, parityDiffCli.test.ts).
import assert from 'node:assert/strict';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { diffSnapshots } from '../../src/core/diff/diffSnapshots';
import { DEFAULT_DIFF_RULES } from '../../src/core/diff/DiffRules';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { silentLogger } from '../../src/core/Logger';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { validateSnapshot } from '../../src/core/snapshot/validateSnapshot';
import { EngineClient } from '../../src/engine/EngineClient';
import { captureEngineTarget } from '../../src/pipeline/targets/captureEngineTarget';
import { CLOUD_SOCKET, cloudCli, requireRemoteTestbed } from './remoteTestbed';
import { requireEngine } from './requireEngine';
import { SWARM_TEST_LABEL, WEB_IMAGE } from './swarmTestKit';

const CONTAINER = `parity-test-drop-${process.pid}`;
const envKey = EnvHashKey.generate();
const probe = { log: silentLogger, toolVersion: '0.0.0-test', envKey };
/** Bytes of the exec's output (after its HTTP answer) the proxy lets through: past the platform, well before the end. */
const CUT_AFTER = 3000;

interface CuttingProxy {
    readonly port: number;
    /** Whether it has cut an exec's output yet. */
    cut(): boolean;
    close(): Promise<void>;
}

/**
 * Passes bytes both ways between 127.0.0.1:PORT and the engine's socket; on the connection that starts an exec
 * (`POST …/exec/ID/start`), it lets CUT_AFTER bytes of the answer's body through, then cuts: with a reset, or a
 * plain close. `goneAfter`: from then on it refuses every new connection too, as a remote that went away.
 */
async function startCuttingProxy(how: 'reset' | 'close', goneAfter: boolean): Promise<CuttingProxy> {
    const socketPath = CLOUD_SOCKET.replace(/^unix:\/\//, '');
    const sockets = new Set<Socket>();
    let cut = false;
    const server: Server = createServer((client) => {
        if (cut && goneAfter) {
            client.resetAndDestroy();
            return;
        }
        const upstream = createConnection(socketPath);
        for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
            socket.on('error', () => undefined);
        }
        let execStarted = false;
        let answer = Buffer.alloc(0);
        let bodyBytes = -1;
        client.on('data', (chunk: Buffer) => {
            if (/^POST \S*\/exec\/[^/\s]+\/start /m.test(chunk.toString('latin1'))) {
                execStarted = true;
            }
            upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
            if (!execStarted || cut) {
                client.write(chunk);
                return;
            }
            if (bodyBytes < 0) {
                answer = Buffer.concat([answer, chunk]);
                const end = answer.indexOf('\r\n\r\n');
                if (end < 0) {
                    return;
                }
                client.write(answer.subarray(0, end + 4));
                chunk = answer.subarray(end + 4);
                bodyBytes = 0;
            }
            const room = CUT_AFTER - bodyBytes;
            bodyBytes += chunk.length;
            if (bodyBytes < CUT_AFTER) {
                client.write(chunk);
                return;
            }
            cut = true;
            upstream.destroy();
            // Once the bytes before the cut are out: a reset sent with writes pending would be a plain close.
            client.write(chunk.subarray(0, room), () => (how === 'reset' ? client.resetAndDestroy() : client.end()));
        });
        client.on('end', () => upstream.end());
        upstream.on('end', () => client.end());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => {
            if (!cut) {
                client.destroy();
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    return {
        port: address.port,
        cut: () => cut,
        close: async () => {
            for (const socket of sockets) {
                socket.destroy();
            }
            await new Promise<void>((resolve) => server.close(() => resolve()));
        },
    };
}

async function probeThroughCut(how: 'reset' | 'close', goneAfter: boolean): Promise<Snapshot> {
    const proxy = await startCuttingProxy(how, goneAfter);
    try {
        const client = new EngineClient(
            { address: parseEngineAddress(`tcp://127.0.0.1:${proxy.port}`), source: 'test' },
            { log: silentLogger },
        );
        const { snapshot } = await captureEngineTarget(client, { kind: 'container', name: CONTAINER }, probe);
        assert.ok(proxy.cut(), 'the proxy cut the exec output (else the probe output is shorter than CUT_AFTER)');
        return snapshot;
    } finally {
        await proxy.close();
    }
}

describe('the remote drops mid-probe: what was read is kept, the rest is unknown', () => {
    let whole: Snapshot;
    before(async () => {
        await requireEngine();
        requireRemoteTestbed();
        cloudCli(['run', '--detach', '--name', CONTAINER, '--label', SWARM_TEST_LABEL, '--network', 'none', WEB_IMAGE]);
        const direct = new EngineClient(
            { address: parseEngineAddress(CLOUD_SOCKET), source: 'test' },
            { log: silentLogger },
        );
        whole = (await captureEngineTarget(direct, { kind: 'container', name: CONTAINER }, probe)).snapshot;
        assert.equal(whole.meta.unread, undefined, 'a probe that is not cut reads every section');
    });
    after(() => {
        cloudCli(['rm', '--force', CONTAINER]);
    });

    for (const [how, goneAfter, title] of [
        ['reset', false, 'the exec connection reset, the engine still answering'],
        ['close', true, 'the exec connection closed and the remote gone for good'],
    ] as const) {
        it(`${title}: a valid snapshot with the unread sections named, and a diff with no difference`, async () => {
            const partial = await probeThroughCut(how, goneAfter);
            validateSnapshot(partial, 'the cut snapshot');
            const unread = partial.meta.unread ?? [];
            assert.ok(unread.length > 0, 'some sections were not read');
            assert.ok(
                !unread.includes('platform'),
                `the platform was read before the cut (unread: ${unread.join(', ')})`,
            );
            assert.ok(
                unread.includes('filesystem') && unread.includes('certificates') && unread.includes('user'),
                `the sections after the cut: ${unread.join(', ')}`,
            );
            assert.deepEqual(partial.platform, whole.platform);
            assert.equal(partial.meta.source.ref, CONTAINER);
            const messages = partial.issues.map((issue) => issue.message).join('\n');
            assert.match(messages, /The probe's output ended early .* Not read: /);
            if (goneAfter) {
                assert.match(
                    messages,
                    /The connection to the engine broke while the probe's output came in \(ECONN\w+\): what arrived before is kept; not read: /,
                );
                assert.match(
                    messages,
                    new RegExp(
                        `Whether container ${CONTAINER} still ran after the probe is not known: Docker is not reachable at tcp://127\\.0\\.0\\.1:\\d+`,
                    ),
                );
            } else {
                // Whether the client sees the reset or a plain end depends on the kernel's timing; either way
                // the engine still answers, and its record of the exec says how the cut-off probe ended.
                assert.match(
                    messages,
                    /The connection to the engine broke while the probe's output came in \(ECONNRESET\)|The probe exited with (code \d+|an unknown status)/,
                );
            }

            // The same container, whole against cut: every difference is one the cut made up, so there must be none.
            const result = diffSnapshots(whole, partial, DEFAULT_DIFF_RULES);
            assert.deepEqual(result.findings, []);
            const unknownFacets = result.unknown
                .filter((entry) => entry.side === 'to' && entry.why.startsWith('not read'))
                .map((entry) => entry.facet);
            assert.ok(
                unknownFacets.includes('filesystem') && unknownFacets.includes('user'),
                `unread facets are unknown: ${JSON.stringify(result.unknown)}`,
            );
        });
    }
});
