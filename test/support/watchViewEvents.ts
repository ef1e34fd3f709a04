import { silentLogger } from '../../src/core/Logger';
import { EngineEventFeed } from '../../src/engine/events/EngineEventFeed';
import { eventTopics, type EventTopic, VIEW_EVENT_FILTERS } from '../../src/engine/events/eventTopics';
import { TopicBatcher } from '../../src/engine/events/TopicBatcher';
import type { EngineClient } from '../../src/engine/EngineClient';

export interface BatchedRefresh {
    /** performance.now() when the batch flushed. */
    readonly at: number;
    readonly topics: readonly EventTopic[];
}

/** The views' event path (feed + 100 ms batching) watching the test containers labelled parity.test=views. */
export interface ViewEventWatch {
    /** When the engine stamped each relevant event, on performance.now()'s clock (the engine's clock is this machine's). */
    readonly stamped: readonly number[];
    /** Forgets what was seen, before the next action. */
    reset(): void;
    /** The first refresh since the last reset, once it comes; undefined after `timeoutMs`. */
    nextRefresh(timeoutMs: number): Promise<BatchedRefresh | undefined>;
    stop(): void;
}

/** Starts watching and resolves once the event stream is connected. */
export async function watchViewEvents(client: EngineClient): Promise<ViewEventWatch> {
    const stamped: number[] = [];
    const refreshes: BatchedRefresh[] = [];
    const batcher = new TopicBatcher<EventTopic>(100, (topics) =>
        refreshes.push({ at: performance.now(), topics: [...topics] }),
    );
    let connected!: () => void;
    const isConnected = new Promise<void>((resolve) => (connected = resolve));
    const feed = new EngineEventFeed({
        client: () => Promise.resolve(client),
        filters: VIEW_EVENT_FILTERS,
        log: silentLogger,
        onEvent: (event) => {
            if (event.Actor?.Attributes?.['parity.test'] === 'views' && eventTopics(event).length > 0) {
                stamped.push((event.timeNano ?? 0) / 1e6 - performance.timeOrigin);
                batcher.add(eventTopics(event));
            }
        },
        onStateChange: (state) => state.kind === 'connected' && connected(),
    });
    feed.start();
    await isConnected;
    return {
        stamped,
        reset: () => {
            stamped.length = 0;
            refreshes.length = 0;
        },
        nextRefresh: async (timeoutMs) => {
            const deadline = Date.now() + timeoutMs;
            while (refreshes.length === 0 && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 1));
            }
            return refreshes[0];
        },
        stop: () => {
            feed.stop();
            batcher.cancel();
        },
    };
}
