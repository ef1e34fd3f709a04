import type { BuildEventListener, BuildStep } from './BuildEvent';

/** One JSON message of the engine's `/build` response stream (both builders). */
export interface BuildStreamMessage {
    readonly stream?: string;
    readonly status?: string;
    readonly id?: string;
    readonly aux?: unknown;
    readonly error?: string;
    readonly errorDetail?: { readonly message?: string; readonly code?: number };
}

/** How a build stream ended, as far as the stream itself says. */
export interface BuildOutcome {
    readonly imageId?: string;
    /** The engine's final error message, when there was one. */
    readonly error?: string;
    /** The step that failed first (for a reason other than being cancelled because another step failed). */
    readonly failedStep?: BuildStep;
    readonly failedStepError?: string;
    /** The failed step's last output lines, oldest first. */
    readonly logTail: readonly string[];
    readonly warnings: readonly string[];
}

/** Output lines kept per step for error messages. */
export const LOG_TAIL_LINES = 20;

/** Finds the Dockerfile line of a step name (see locateBuildStep); undefined when unknown. */
export type LocateStep = (stepName: string) => number | undefined;

/**
 * Turns one builder's stream messages into BuildEvents. Pure: feed `accept` the parsed JSON messages in
 * order, call `finish` at the end of the stream.
 */
export abstract class BuildProgress {
    protected imageId: string | undefined;
    protected error: string | undefined;
    protected readonly warnings: string[] = [];
    private readonly tails = new Map<string, string[]>();
    private readonly partial = new Map<string, string>();
    private failed: { step: BuildStep; error: string } | undefined;

    constructor(
        protected readonly emit: BuildEventListener,
        protected readonly locate: LocateStep = () => undefined,
    ) {}

    abstract accept(message: BuildStreamMessage): void;

    finish(): BuildOutcome {
        this.flushAll();
        return {
            ...(this.imageId === undefined ? {} : { imageId: this.imageId }),
            ...(this.error === undefined ? {} : { error: this.error }),
            ...(this.failed === undefined ? {} : { failedStep: this.failed.step, failedStepError: this.failed.error }),
            logTail: this.failed ? [...(this.tails.get(this.failed.step.id) ?? [])] : [],
            warnings: [...this.warnings],
        };
    }

    protected stepFailed(step: BuildStep, error: string): void {
        this.flush(step);
        this.emit({ type: 'step-failed', step, error });
        if (this.failed === undefined && !/context canceled/i.test(error)) {
            this.failed = { step, error };
        }
    }

    protected warn(message: string, step?: BuildStep, line?: number): void {
        this.warnings.push(message);
        this.emit({ type: 'warning', message, ...(step ? { step } : {}), ...(line === undefined ? {} : { line }) });
    }

    protected setImage(id: string): void {
        this.imageId = id;
        this.emit({ type: 'image', imageId: id });
    }

    /** Output of a step: split into lines (a line may arrive in pieces), each emitted and kept in the tail. */
    protected output(step: BuildStep | undefined, stream: 'stdout' | 'stderr', text: string): void {
        const key = `${step?.id ?? ''}\u0000${stream}`;
        const lines = ((this.partial.get(key) ?? '') + text).split('\n');
        this.partial.set(key, lines.pop() ?? '');
        for (const line of lines) {
            this.line(step, stream, line);
        }
    }

    /** Emits what is left of a step's unfinished lines (at its end, or the end of the stream). */
    protected flush(step: BuildStep | undefined): void {
        for (const stream of ['stdout', 'stderr'] as const) {
            const key = `${step?.id ?? ''}\u0000${stream}`;
            const rest = this.partial.get(key);
            if (rest) {
                this.line(step, stream, rest);
            }
            this.partial.delete(key);
        }
    }

    protected flushAll(): void {
        for (const key of [...this.partial.keys()]) {
            const rest = this.partial.get(key);
            const [id = '', stream] = key.split('\u0000');
            if (rest) {
                this.line(this.stepById(id), stream === 'stderr' ? 'stderr' : 'stdout', rest);
            }
        }
        this.partial.clear();
    }

    /** The step a flushed line belongs to; subclasses know their steps. */
    protected abstract stepById(id: string): BuildStep | undefined;

    private line(step: BuildStep | undefined, stream: 'stdout' | 'stderr', raw: string): void {
        // A terminal would overwrite the line at each carriage return (progress bars): keep what it would show.
        const text = raw.replace(/\r$/, '').split('\r').at(-1) ?? '';
        if (step) {
            const tail = this.tails.get(step.id) ?? [];
            tail.push(text);
            if (tail.length > LOG_TAIL_LINES) {
                tail.shift();
            }
            this.tails.set(step.id, tail);
        }
        this.emit({ type: 'log', ...(step ? { step } : {}), stream, text });
    }
}
