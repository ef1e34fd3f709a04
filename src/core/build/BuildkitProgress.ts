import type { BuildEventListener, BuildStep } from './BuildEvent';
import { BuildProgress, type BuildStreamMessage, type LocateStep } from './BuildProgress';
import type { BuildkitStatusDecoder, BuildkitVertex } from './BuildkitStatus';
import { parseStepName } from './locateBuildStep';

interface VertexState {
    readonly step: BuildStep;
    started?: number;
    done: boolean;
}

/**
 * BuildKit's `/build?version=2` stream: `moby.buildkit.trace` messages carry base64 protobuf status
 * updates (vertexes, their logs and warnings), `moby.image.id` the result, `errorDetail` the failure.
 * A vertex is reported many times as it changes; each step starts and ends once here.
 */
export class BuildkitProgress extends BuildProgress {
    private readonly vertexes = new Map<string, VertexState>();

    /** `decode` reads the protobuf of a trace message (the engine layer supplies it: core loads no protobuf library). */
    constructor(
        emit: BuildEventListener,
        locate: LocateStep,
        private readonly decode: BuildkitStatusDecoder,
    ) {
        super(emit, locate);
    }

    accept(message: BuildStreamMessage): void {
        if (message.id === 'moby.buildkit.trace' && typeof message.aux === 'string') {
            this.trace(Buffer.from(message.aux, 'base64'));
        } else if (message.id === 'moby.image.id') {
            const id = (message.aux as { ID?: unknown } | undefined)?.ID;
            if (typeof id === 'string') {
                this.setImage(id);
            }
        } else if (message.errorDetail !== undefined || message.error !== undefined) {
            this.error = message.errorDetail?.message ?? message.error;
        } else if (typeof message.stream === 'string' && !/^Successfully (built|tagged) /.test(message.stream)) {
            this.output(undefined, 'stdout', message.stream);
        }
    }

    protected stepById(id: string): BuildStep | undefined {
        return this.vertexes.get(id)?.step;
    }

    private trace(bytes: Buffer): void {
        const status = this.decode(bytes);
        for (const vertex of status.vertexes) {
            this.vertex(vertex);
        }
        for (const log of status.logs) {
            this.output(
                this.stateOf(log.vertex).step,
                log.stream === 2 ? 'stderr' : 'stdout',
                log.data.toString('utf8'),
            );
        }
        for (const warning of status.warnings) {
            const step = warning.vertex ? this.stateOf(warning.vertex).step : undefined;
            const line = warning.line ?? step?.line;
            this.warn([warning.short, ...warning.detail].filter(Boolean).join(' '), step, line);
        }
    }

    private vertex(vertex: BuildkitVertex): void {
        const state = this.stateOf(vertex.digest, vertex.name);
        if (state.done) {
            return;
        }
        if (vertex.started !== undefined && state.started === undefined) {
            state.started = vertex.started;
            if (!(vertex.cached && vertex.completed !== undefined)) {
                this.emit({ type: 'step-started', step: state.step });
            }
        }
        if (vertex.completed === undefined) {
            return;
        }
        state.done = true;
        this.flush(state.step);
        if (vertex.error) {
            this.stepFailed(state.step, vertex.error);
        } else if (vertex.cached) {
            this.emit({ type: 'step-cached', step: state.step });
        } else {
            const durationMs = state.started === undefined ? undefined : Math.max(0, vertex.completed - state.started);
            this.emit({
                type: 'step-completed',
                step: state.step,
                ...(durationMs === undefined ? {} : { durationMs }),
            });
        }
    }

    private stateOf(digest: string, name?: string): VertexState {
        let state = this.vertexes.get(digest);
        if (!state) {
            const label = name || digest;
            const line = name ? this.locate(name) : undefined;
            state = {
                step: {
                    id: digest,
                    name: label,
                    internal: parseStepName(label).internal,
                    ...(line === undefined ? {} : { line }),
                },
                done: false,
            };
            this.vertexes.set(digest, state);
        }
        return state;
    }
}
