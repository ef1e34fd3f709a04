// The engine's event stream as the Images/Containers views use it, against the real engine.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import type { EngineEvent } from '../../src/engine/events/EngineEvent';
import { EngineClient } from '../../src/engine/EngineClient';
import { EngineError } from '../../src/engine/EngineError';
import { dockerCli } from '../support/dockerCli';
import { closedPort } from '../support/ports';
import { makeTestImage, removeViewsTestResources, runTestContainer } from '../support/viewsTestKit';
import { watchViewEvents } from '../support/watchViewEvents';
import { requireEngine } from './requireEngine';

const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);

describe('EngineClient.streamEvents against the real engine', () => {
    before(requireEngine);
    after(removeViewsTestResources);

    it("delivers a labelled container's create/start/die/destroy, and cancelling ends the stream at once", async () => {
        const controller = new AbortController();
        const events: EngineEvent[] = [];
        let opened!: () => void;
        const open = new Promise<void>((resolve) => (opened = resolve));
        const streaming = client.streamEvents({
            filters: { type: ['container'], label: ['parity.test=views'] },
            signal: controller.signal,
            onOpen: () => opened(),
            onEvent: (event) => events.push(event),
        });
        await open;
        dockerCli([
            'run',
            '--rm',
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=test',
            '--label',
            'parity.test=views',
            'busybox',
            'true',
        ]);
        const deadline = Date.now() + 5000;
        while (!events.some((event) => event.Action === 'destroy') && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        assert.deepEqual(
            events
                .map((event) => event.Action)
                .filter((action) => ['create', 'start', 'die', 'destroy'].includes(action)),
            ['create', 'start', 'die', 'destroy'],
        );
        assert.ok(
            events.every((event) => event.Actor?.Attributes?.['parity.test'] === 'views'),
            'the label filter applies',
        );
        const started = performance.now();
        controller.abort();
        await assert.rejects(streaming, (error: unknown) => error instanceof EngineError && error.kind === 'cancelled');
        assert.ok(performance.now() - started < 1000);
    });

    it('an engine that is not there fails fast with the usual "not reachable" error', async () => {
        const port = await closedPort();
        const absent = new EngineClient(
            { address: parseEngineAddress(`tcp://127.0.0.1:${port}`), source: 'test' },
            { log: silentLogger },
        );
        await assert.rejects(
            absent.streamEvents({ signal: new AbortController().signal, onEvent: () => undefined }),
            (error: unknown) => error instanceof EngineError && error.kind === 'unreachable',
        );
    });

    it('docker start and docker stop each bring one batched refresh of the containers', async () => {
        const watch = await watchViewEvents(client);
        try {
            runTestContainer('parity-views-latency');
            dockerCli(['stop', 'parity-views-latency']);
            await new Promise((resolve) => setTimeout(resolve, 300));
            for (let round = 0; round < 2; round++) {
                for (const action of ['start', 'stop']) {
                    watch.reset();
                    dockerCli([action, 'parity-views-latency']);
                    const refresh = await watch.nextRefresh(3000);
                    assert.ok(refresh, `no refresh within 3 s of docker ${action}`);
                    assert.deepEqual(refresh.topics, ['containers']);
                    await new Promise((resolve) => setTimeout(resolve, 250));
                }
            }
        } finally {
            watch.stop();
        }
    });
});

describe('container and image actions against the real engine', () => {
    before(requireEngine);
    after(removeViewsTestResources);

    it('stop, stop again (no error), restart, remove; follow a log until the container stops', async () => {
        const id = runTestContainer('parity-views-actions');
        const output: string[] = [];
        const following = client.followLogs(id, {
            signal: new AbortController().signal,
            onOutput: (text) => output.push(text),
        });
        const started = performance.now();
        await client.stopContainer(id);
        assert.ok(performance.now() - started < 5000, 'a container that exits on SIGTERM stops at once');
        await following;
        assert.match(output.join(''), /ready/);
        assert.equal(dockerCli(['inspect', '--format', '{{.State.Status}}', id]), 'exited');
        await client.stopContainer(id);
        await client.restartContainer(id);
        assert.equal(dockerCli(['inspect', '--format', '{{.State.Status}}', id]), 'running');
        await client.removeContainer(id, { force: true });
        assert.equal(dockerCli(['ps', '-aq', '--filter', `id=${id}`]), '');
    });

    it('cancelling a followed log ends it at once; a missing container is an api error', async () => {
        const id = runTestContainer('parity-views-logs');
        const controller = new AbortController();
        const following = client.followLogs(id, { signal: controller.signal, onOutput: () => undefined });
        await new Promise((resolve) => setTimeout(resolve, 200));
        controller.abort();
        await assert.rejects(following, (error: unknown) => error instanceof EngineError && error.kind === 'cancelled');
        await client.removeContainer(id, { force: true });
        await assert.rejects(
            client.stopContainer(id),
            (error: unknown) => error instanceof EngineError && error.kind === 'api' && error.statusCode === 404,
        );
    });

    it('removing an image a container uses is refused with HTTP 409 naming the container', async () => {
        makeTestImage('parity-views-test/inuse:1');
        const user = dockerCli([
            'create',
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=test',
            '--label',
            'parity.test=views',
            'parity-views-test/inuse:1',
            'true',
        ]);
        await assert.rejects(client.removeImage('parity-views-test/inuse:1'), (error: unknown) => {
            assert.ok(error instanceof EngineError);
            assert.equal(error.statusCode, 409);
            assert.ok(error.message.includes(user.slice(0, 12)), error.message);
            return true;
        });
        await client.removeContainer(user);
        await client.removeImage('parity-views-test/inuse:1');
        assert.equal(dockerCli(['images', '-q', 'parity-views-test/inuse:1']), '');
    });
});
