import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { silentLogger } from '../../../../src/core/Logger';
import type { EngineEvent } from '../../../../src/engine/events/EngineEvent';
import { EngineEventFeed, type EventFeedState, type EventSource } from '../../../../src/engine/events/EngineEventFeed';
import { TopicBatcher } from '../../../../src/engine/events/TopicBatcher';
import { EngineError } from '../../../../src/engine/EngineError';

type Attempt = (options: Parameters<EventSource['streamEvents']>[0]) => Promise<void>;

/** An engine whose n-th stream does what `attempts[n]` says; the last one repeats. */
function scriptedEngine(attempts: Attempt[]): { source: EventSource; opened: () => number } {
    let count = 0;
    const source: EventSource = {
        address: 'unix:///test.sock',
        streamEvents: (options) => {
            const attempt = attempts[Math.min(count, attempts.length - 1)];
            count += 1;
            return attempt ? attempt(options) : Promise.resolve();
        },
    };
    return { source, opened: () => count };
}

const refused: Attempt = () =>
    Promise.reject(new EngineError('unreachable', 'Docker is not reachable at unix:///test.sock', 'unix:///test.sock'));
const untilAborted: Attempt = ({ signal, onOpen }) => {
    onOpen?.();
    return new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new EngineError('cancelled', 'Cancelled', 'unix:///test.sock'))),
    );
};

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) {
            throw new Error('timed out');
        }
        await sleep(5);
    }
}

describe('EngineEventFeed', () => {
    it('does nothing before start()', async () => {
        const engine = scriptedEngine([untilAborted]);
        const feed = new EngineEventFeed({
            client: () => Promise.resolve(engine.source),
            onEvent: () => undefined,
            onStateChange: () => undefined,
            log: silentLogger,
        });
        await sleep(20);
        assert.equal(engine.opened(), 0);
        assert.equal(feed.running, false);
    });

    it('down once while the engine refuses, connected at every opening; a stream that ends is not "down" by itself', async () => {
        const states: string[] = [];
        const events: EngineEvent[] = [];
        const endsAfterOneEvent: Attempt = ({ onOpen, onEvent }) => {
            onOpen?.();
            onEvent({ Type: 'container', Action: 'start' });
            return Promise.resolve();
        };
        const engine = scriptedEngine([
            refused,
            refused,
            refused,
            endsAfterOneEvent,
            refused,
            refused,
            endsAfterOneEvent,
            untilAborted,
        ]);
        const feed = new EngineEventFeed({
            client: () => Promise.resolve(engine.source),
            onEvent: (event) => events.push(event),
            onStateChange: (state: EventFeedState) => states.push(state.kind),
            log: silentLogger,
            delay: () => 1,
        });
        feed.start();
        await until(() => engine.opened() >= 8);
        assert.deepEqual(states, ['disconnected', 'connected', 'disconnected', 'connected', 'connected']);
        assert.deepEqual(
            events.map((event) => event.Action),
            ['start', 'start'],
        );
        feed.stop();
        assert.equal(feed.running, false);
        await sleep(20);
        assert.equal(engine.opened(), 8, 'no reconnect after stop');
        assert.deepEqual(
            states,
            ['disconnected', 'connected', 'disconnected', 'connected', 'connected'],
            'stopping is not a disconnection',
        );
    });

    it('backs off between attempts while the engine is away', async () => {
        const asked: number[] = [];
        const engine = scriptedEngine([refused]);
        const feed = new EngineEventFeed({
            client: () => Promise.resolve(engine.source),
            onEvent: () => undefined,
            onStateChange: () => undefined,
            log: silentLogger,
            delay: (attempt) => {
                asked.push(attempt);
                return 1;
            },
        });
        feed.start();
        await until(() => asked.length >= 4);
        feed.stop();
        assert.deepEqual(asked.slice(0, 4), [0, 1, 2, 3]);
    });

    it('restart() drops the stream and opens a new one (new engine settings)', async () => {
        const engine = scriptedEngine([untilAborted]);
        const feed = new EngineEventFeed({
            client: () => Promise.resolve(engine.source),
            onEvent: () => undefined,
            onStateChange: () => undefined,
            log: silentLogger,
        });
        feed.start();
        await until(() => engine.opened() === 1);
        feed.restart();
        await until(() => engine.opened() === 2);
        feed.dispose();
    });
});

describe('TopicBatcher', () => {
    it('one flush per window with every topic that arrived in it; the first topic is not held longer than the window', async () => {
        const flushed: string[][] = [];
        const batcher = new TopicBatcher<string>(30, (topics) => flushed.push([...topics].sort()));
        const started = Date.now();
        batcher.add(['containers']);
        batcher.add(['containers', 'images']);
        await until(() => flushed.length === 1);
        assert.ok(Date.now() - started < 200);
        assert.deepEqual(flushed, [['containers', 'images']]);
        batcher.add([]);
        batcher.add(['images']);
        batcher.cancel();
        await sleep(50);
        assert.deepEqual(flushed, [['containers', 'images']], 'cancel drops what is pending');
    });
});
