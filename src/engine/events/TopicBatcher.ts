/**
 * Collects topics (what became stale) and hands them over once per window: the first topic opens the
 * window, later ones join it, so a burst of events (create, start, …) costs one refresh and the first
 * event is never delayed by more than `windowMs`.
 */
export class TopicBatcher<T> {
    private pending = new Set<T>();
    private timer: NodeJS.Timeout | undefined;

    constructor(
        private readonly windowMs: number,
        private readonly flush: (topics: ReadonlySet<T>) => void,
    ) {}

    add(topics: Iterable<T>): void {
        for (const topic of topics) {
            this.pending.add(topic);
        }
        if (this.timer === undefined && this.pending.size > 0) {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                const topics = this.pending;
                this.pending = new Set();
                this.flush(topics);
            }, this.windowMs);
        }
    }

    /** Forgets what is pending. */
    cancel(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.pending.clear();
    }
}
