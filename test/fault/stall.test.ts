// An engine that stalls mid-stream, for real: a proxy in front of the fault engine passes the first bytes of an
// answer (a build's progress, a pull's progress, a probe's output) and then nothing more on any connection,
// without closing one. A deadline fires, the call fails with one clear error, and nothing hangs; the node test
// runner's own timeout is the "no hang" witness.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { silentLogger } from '../../src/core/Logger';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import { createBuildContext } from '../../src/engine/build/buildContext';
import { buildImage } from '../../src/engine/build/buildImage';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { captureEngineTarget } from '../../src/pipeline/targets/captureEngineTarget';
import { FAULT_SOCKET_PATH, faultCli, NODE_IMAGE, parityContainers, requireFaultEngine } from './faultEngine';
import { startStallingProxy, type StallingProxy } from './stallingProxy';

const LIMIT_MS = 3000;
const REGISTRY = '127.0.0.1:5000';
const PUSHED = `${REGISTRY}/parity-fault/stall-${process.pid}:1`;
const TAG = `parity-fault-stall-${process.pid}:1`;

function clientThrough(proxy: StallingProxy): EngineClient {
    return new EngineClient(
        { address: parseEngineAddress(`unix://${proxy.path}`), source: 'test' },
        { log: silentLogger, timeoutMs: LIMIT_MS, streamIdleTimeoutMs: LIMIT_MS },
    );
}

/** Runs `use` against a client whose engine stalls as described; the proxy always goes away afterwards. */
async function throughStall<T>(
    request: RegExp,
    afterBytes: number,
    use: (client: EngineClient) => Promise<T>,
): Promise<{ outcome: PromiseSettledResult<T>; stalled: boolean }> {
    const proxy = await startStallingProxy(FAULT_SOCKET_PATH, request, afterBytes);
    try {
        const [outcome] = await Promise.allSettled([use(clientThrough(proxy))]);
        return { outcome, stalled: proxy.stalled() };
    } finally {
        await proxy.close();
    }
}

function failure(outcome: PromiseSettledResult<unknown>): EngineError {
    assert.equal(outcome.status, 'rejected', 'the call failed instead of finishing');
    const reason: unknown = outcome.reason;
    assert.ok(reason instanceof EngineError, `an EngineError, got ${String(reason)}`);
    return reason;
}

describe('an engine that stalls mid-stream', { timeout: 120_000 }, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parity fault stall '));

    before(async () => {
        await requireFaultEngine();
        try {
            faultCli(['tag', 'busybox:latest', PUSHED]);
            faultCli(['push', '--quiet', PUSHED]);
        } catch (error) {
            throw new Error(
                `Could not push to the test bed's registry on ${REGISTRY}; start it with: bash scripts/testbed.sh up registry`,
                { cause: error },
            );
        } finally {
            faultCli(['image', 'rm', '--force', PUSHED]);
        }
    });
    after(() => {
        faultCli(['image', 'rm', '--force', PUSHED, TAG]);
        rmSync(scratch, { recursive: true, force: true });
    });

    it('a pull whose progress stops: the idle deadline fails it with a clear error', async () => {
        const { outcome, stalled } = await throughStall(/^POST \S*\/images\/create\b/, 40, (client) =>
            client.pullImage(PUSHED),
        );
        assert.ok(stalled, 'the proxy stalled the pull');
        const error = failure(outcome);
        assert.equal(error.kind, 'timeout');
        assert.match(
            error.message,
            /^Docker at unix:\/\/\S+ stopped sending while pulling image 127\.0\.0\.1:5000\/parity-fault\/stall-\d+:1: nothing arrived for 3 s, so it was abandoned\./,
        );
    });

    it('a BuildKit build whose engine stops answering: the stall watchdog fails it, nothing tagged', async () => {
        const project = join(scratch, 'build');
        mkdirSync(project);
        writeFileSync(join(project, 'Dockerfile'), `FROM busybox:latest\nRUN echo ${Date.now()} && sleep 20\n`);
        const context = await createBuildContext(project);
        const { outcome, stalled } = await throughStall(/^POST \S*\/build\b/, 200, (client) =>
            buildImage(client.buildDeps(), { context, tag: TAG, builder: 'buildkit', stallTimeoutMs: LIMIT_MS }),
        );
        assert.ok(stalled, 'the proxy stalled the build');
        const error = failure(outcome);
        assert.match(
            error.message,
            /^Docker at unix:\/\/\S+ stopped answering during the build of parity-fault-stall-\d+:1 \(no sign of life for 3 s\); the build was abandoned and nothing was tagged\.$/,
        );
        assert.equal(faultCli(['image', 'ls', '--quiet', TAG]), '');
    });

    it('a probe whose output stops: its deadline fires, and its container is removed', async () => {
        const probe = { log: silentLogger, toolVersion: '0.0.0-test', envKey: EnvHashKey.generate() };
        const { outcome, stalled } = await throughStall(/^POST \S*\/containers\/[^/\s]+\/attach\?/, 200, (client) =>
            captureEngineTarget(client, { kind: 'image', ref: NODE_IMAGE }, probe),
        );
        assert.ok(stalled, 'the proxy stalled the probe');
        const error = failure(outcome);
        assert.equal(error.kind, 'timeout');
        assert.match(
            error.message,
            /^Docker at unix:\/\/\S+ \(from test\) did not answer running a throwaway container from node:20\.20\.2-bookworm-slim within 3 s\./,
        );
        assert.deepEqual(parityContainers(), [], "the probe's container is removed once the engine answers again");
    });
});
