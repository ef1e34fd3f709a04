import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../core/Logger';
import type { EngineClient } from '../EngineClient';
import { EngineError, isEngineError } from '../EngineError';
import type { EngineEvent } from './EngineEvent';
import { reconnectDelay } from './reconnectDelay';

/**
 * `connected` each time a stream opens — events may have been missed before it, so listeners reload;
 * `disconnected` when an attempt to open one fails after the last one opened (or at the first attempt):
 * the engine is gone. A stream that merely ends is neither: the next attempt tells which it was.
 */
export type EventFeedState =
    | { readonly kind: 'connected'; readonly address: string }
    | { readonly kind: 'disconnected'; readonly error: EngineError };

/** The part of EngineClient the feed uses. */
export type EventSource = Pick<EngineClient, 'address' | 'streamEvents'>;

export interface EngineEventFeedOptions {
    /** Asked again before every attempt, so a changed engine setting is picked up on the next reconnect. */
    readonly client: () => Promise<EventSource>;
    readonly filters?: Readonly<Record<string, readonly string[]>>;
    readonly onEvent: (event: EngineEvent) => void;
    readonly onStateChange: (state: EventFeedState) => void;
    readonly log: Logger;
    /** Wait before the n-th reconnect attempt; reconnectDelay by default. */
    readonly delay?: (attempt: number) => number;
}

/** A stream that stayed open this long was a real connection: the next drop starts the backoff afresh. */
const STABLE_MS = 5000;

/**
 * Keeps the engine's event stream open while started: when the engine goes away or restarts it reconnects
 * with backoff, forever, until stopped. Nothing happens before start().
 */
export class EngineEventFeed {
    private run: AbortController | undefined;

    constructor(private readonly options: EngineEventFeedOptions) {}

    get running(): boolean {
        return this.run !== undefined;
    }

    start(): void {
        if (this.run) {
            return;
        }
        const run = new AbortController();
        this.run = run;
        void this.loop(run.signal);
    }

    stop(): void {
        this.run?.abort();
        this.run = undefined;
    }

    /** Drops the current stream and opens a new one at once, e.g. after the engine settings changed. */
    restart(): void {
        this.stop();
        this.start();
    }

    dispose(): void {
        this.stop();
    }

    private async loop(signal: AbortSignal): Promise<void> {
        const { log } = this.options;
        const delay = this.options.delay ?? ((attempt: number) => reconnectDelay(attempt, Math.random()));
        let state: EventFeedState['kind'] | undefined;
        let attempt = 0;
        while (!signal.aborted) {
            let openedAt: number | undefined;
            let failure: EngineError;
            try {
                const client = await this.options.client();
                await client.streamEvents({
                    ...(this.options.filters ? { filters: this.options.filters } : {}),
                    signal,
                    onOpen: () => {
                        openedAt = Date.now();
                        log.debug(`events: stream open on ${client.address}`);
                        if (!signal.aborted) {
                            state = 'connected';
                            this.options.onStateChange({ kind: 'connected', address: client.address });
                        }
                    },
                    onEvent: (event) => {
                        if (!signal.aborted) {
                            this.options.onEvent(event);
                        }
                    },
                });
                failure = new EngineError(
                    'unreachable',
                    `Docker at ${client.address} closed its event stream.`,
                    client.address,
                );
            } catch (error) {
                failure = isEngineError(error)
                    ? error
                    : new EngineError(
                          'unreachable',
                          error instanceof Error ? error.message : String(error),
                          '',
                          undefined,
                          { cause: error },
                      );
            }
            if (signal.aborted) {
                return;
            }
            attempt = openedAt !== undefined && Date.now() - openedAt >= STABLE_MS ? 0 : attempt + 1;
            const wait = delay(attempt - 1);
            log.debug(`events: ${failure.message} Reconnecting in ${wait} ms.`);
            if (openedAt === undefined && state !== 'disconnected') {
                state = 'disconnected';
                this.options.onStateChange({ kind: 'disconnected', error: failure });
            }
            await sleep(wait, undefined, { signal }).catch(() => undefined);
        }
    }
}
