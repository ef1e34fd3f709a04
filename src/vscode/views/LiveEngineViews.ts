import type * as vscode from 'vscode';
import type { Logger } from '../../core/Logger';
import { EngineEventFeed, type EventFeedState } from '../../engine/events/EngineEventFeed';
import { eventTopics, type EventTopic, VIEW_EVENT_FILTERS } from '../../engine/events/eventTopics';
import { TopicBatcher } from '../../engine/events/TopicBatcher';
import type { EngineConnection } from '../EngineConnection';

/** One engine-backed view as the live updates see it: what reloads it, whether it is on screen, what it lists. */
export interface LiveView {
    readonly topic: EventTopic;
    readonly provider: {
        refresh(): void;
        /** Fires when VS Code asks for the view's rows, i.e. it is being shown. */
        readonly onWillLoad: vscode.Event<void>;
    };
    /** The view's TreeView (or anything that knows whether it is visible). */
    readonly visibility: {
        readonly visible: boolean;
        readonly onDidChangeVisibility: vscode.Event<unknown>;
    };
}

export interface LiveEngineViewsOptions {
    /** Events that arrive within this window cost one reload. */
    readonly debounceMs?: number;
    /** A reload of the visible views this often, in case an event was missed. */
    readonly pollMs?: number;
}

/**
 * Keeps the Images and Containers views current while one of them is visible: the engine's event stream
 * (reconnecting with backoff when the engine goes away) reloads the view an event concerns, batched per
 * ~100 ms, and a slow poll covers anything missed. Nothing runs until a view is shown; everything stops
 * when both are hidden. When the stream (re)connects, the visible views reload — which is how they recover
 * on their own after the engine comes back.
 */
export class LiveEngineViews implements vscode.Disposable {
    private readonly feed: EngineEventFeed;
    private readonly batcher: TopicBatcher<EventTopic>;
    private readonly subscriptions: vscode.Disposable[];
    private readonly pollMs: number;
    private poll: NodeJS.Timeout | undefined;

    constructor(
        private readonly views: readonly LiveView[],
        private readonly engine: EngineConnection,
        log: Logger,
        options: LiveEngineViewsOptions = {},
    ) {
        this.pollMs = options.pollMs ?? 60_000;
        this.batcher = new TopicBatcher(options.debounceMs ?? 100, (topics) => this.refresh(topics));
        this.feed = new EngineEventFeed({
            client: () => engine.client(),
            filters: VIEW_EVENT_FILTERS,
            log,
            onEvent: (event) => this.batcher.add(eventTopics(event)),
            onStateChange: (state) => this.onFeedState(state),
        });
        this.subscriptions = [
            ...views.flatMap((view) => [
                view.provider.onWillLoad(() => this.update()),
                view.visibility.onDidChangeVisibility(() => {
                    // A view shown again may be stale: events for it were skipped while it was hidden.
                    if (view.visibility.visible && this.feed.running) {
                        view.provider.refresh();
                    }
                    this.update();
                }),
            ]),
            // Settings changed or Retry: the stream must go to the engine the views now use.
            engine.onDidChangeState((state) => {
                if (state.kind === 'unknown' && this.feed.running) {
                    this.feed.restart();
                }
            }),
        ];
    }

    /** True while the event stream is wanted (a view is visible). */
    get running(): boolean {
        return this.feed.running;
    }

    dispose(): void {
        this.stop();
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
    }

    private update(): void {
        const wanted = this.views.some((view) => view.visibility.visible);
        if (wanted && !this.feed.running) {
            this.feed.start();
            this.poll = setInterval(() => this.refresh(new Set(this.views.map((view) => view.topic))), this.pollMs);
        } else if (!wanted && this.feed.running) {
            this.stop();
        }
    }

    private stop(): void {
        this.feed.stop();
        this.batcher.cancel();
        clearInterval(this.poll);
        this.poll = undefined;
    }

    private onFeedState(state: EventFeedState): void {
        // Connected: anything may have changed while no stream was open. Disconnected: the engine may be
        // gone, and the views should say so rather than show a stale list.
        this.refresh(new Set(this.views.map((view) => view.topic)));
        if (state.kind === 'connected' && this.engine.state.kind === 'unreachable') {
            // So the status bar recovers too; the views reload again when the state changes.
            this.engine.checkStatus().catch(() => undefined);
        }
    }

    private refresh(topics: ReadonlySet<EventTopic>): void {
        for (const view of this.views) {
            if (topics.has(view.topic) && view.visibility.visible) {
                view.provider.refresh();
            }
        }
    }
}
