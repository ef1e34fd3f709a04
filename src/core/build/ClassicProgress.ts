import type { BuildStep } from './BuildEvent';
import { BuildProgress, type BuildStreamMessage } from './BuildProgress';

const STDERR_START = '\u001b[91m';
const STDERR_END = '\u001b[0m';
const STDERR_MARKS = new RegExp(`(${escape(STDERR_START)}|${escape(STDERR_END)})`);

function escape(text: string): string {
    return text.replace(/[[\]]/g, '\\$&');
}

/**
 * The classic builder's stream: `Step N/M : INSTRUCTION` opens a step, ` ---> <id>` closes it
 * (` ---> Using cache` first when cached), everything else printed in between is the step's output;
 * `aux.ID` names each finished stage's image (the last one is the result), `errorDetail` the failure.
 */
export class ClassicProgress extends BuildProgress {
    private readonly steps = new Map<string, BuildStep>();
    private current: { step: BuildStep; cached: boolean; done: boolean; started: number } | undefined;
    private text = '';
    private inStderr = false;

    /**
     * `labelSteps`: how many labels the build was given — the classic builder adds one `LABEL` step per
     * label after the Dockerfile's own, which are the builder's doing (internal) rather than the file's.
     */
    constructor(
        emit: ConstructorParameters<typeof BuildProgress>[0],
        locate?: ConstructorParameters<typeof BuildProgress>[1],
        private readonly labelSteps = 0,
        private readonly now: () => number = Date.now,
    ) {
        super(emit, locate);
    }

    accept(message: BuildStreamMessage): void {
        if (typeof message.stream === 'string') {
            this.streamText(message.stream);
        }
        const id = (message.aux as { ID?: unknown } | undefined)?.ID;
        if (typeof id === 'string') {
            this.setImage(id);
        }
        if (message.errorDetail !== undefined || message.error !== undefined) {
            this.error = message.errorDetail?.message ?? message.error ?? '';
            this.endLine();
            if (this.current && !this.current.done) {
                this.current.done = true;
                this.stepFailed(this.current.step, this.error);
            }
        }
    }

    override finish(): ReturnType<BuildProgress['finish']> {
        this.endLine();
        return super.finish();
    }

    protected stepById(id: string): BuildStep | undefined {
        return this.steps.get(id);
    }

    /**
     * The engine wraps what a step wrote to stderr in red (ESC[91m … ESC[0m): that is how stderr is told
     * apart. Step headers arrive without their newline (it follows in the next message): stdout is worked
     * through line by line.
     */
    private streamText(text: string): void {
        for (const part of text.split(STDERR_MARKS)) {
            if (part === STDERR_START || part === STDERR_END) {
                this.inStderr = part === STDERR_START;
            } else if (part && this.inStderr) {
                this.output(this.current && !this.current.done ? this.current.step : undefined, 'stderr', part);
            } else if (part) {
                const lines = (this.text + part).split('\n');
                this.text = lines.pop() ?? '';
                for (const line of lines) {
                    this.streamLine(line);
                }
            }
        }
    }

    private endLine(): void {
        if (this.text) {
            this.streamLine(this.text);
            this.text = '';
        }
    }

    private streamLine(line: string): void {
        const header = /^Step (\d+)\/(\d+) : /.exec(line);
        if (header) {
            this.complete();
            const name = line.trimEnd();
            const internal = Number(header[1]) > Number(header[2]) - this.labelSteps;
            const located = internal ? undefined : this.locate(name);
            const step: BuildStep = {
                id: `step-${header[1]}`,
                name,
                internal,
                ...(located === undefined ? {} : { line: located }),
            };
            this.steps.set(step.id, step);
            this.current = { step, cached: false, done: false, started: this.now() };
            this.emit({ type: 'step-started', step });
            return;
        }
        if (line === ' ---> Using cache') {
            if (this.current) {
                this.current.cached = true;
            }
            return;
        }
        if (/^ ---> [0-9a-f]{12,}$/.test(line)) {
            this.complete();
            return;
        }
        if (
            /^ ---> Running in [0-9a-f]+$/.test(line) ||
            /^Removing intermediate container [0-9a-f]+$/.test(line) ||
            /^Successfully (built|tagged) /.test(line)
        ) {
            return;
        }
        const warning = /^\[Warning\] (.*)$/.exec(line);
        if (warning?.[1]) {
            this.warn(warning[1], this.current?.step);
            return;
        }
        this.output(this.current && !this.current.done ? this.current.step : undefined, 'stdout', `${line}\n`);
    }

    private complete(): void {
        const current = this.current;
        if (!current || current.done) {
            return;
        }
        current.done = true;
        this.flush(current.step);
        if (current.cached) {
            this.emit({ type: 'step-cached', step: current.step });
        } else {
            this.emit({
                type: 'step-completed',
                step: current.step,
                durationMs: Math.max(0, this.now() - current.started),
            });
        }
    }
}
