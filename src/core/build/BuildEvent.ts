/** A step of a build as both builders report it. */
export interface BuildStep {
    /** Stable within one build: BuildKit's vertex digest, `step-N` for the classic builder. */
    readonly id: string;
    /** As the builder names it: `[deps 3/6] RUN npm ci`, `Step 3/7 : RUN npm ci`. */
    readonly name: string;
    /** 1-based Dockerfile line of the instruction, when the step comes from one and it was found. */
    readonly line?: number;
    /** The builder's own work (loading the context, resolving base images, exporting): no instruction. */
    readonly internal: boolean;
}

/**
 * Progress of a build, the same for BuildKit and the classic builder. Steps start, then end exactly once
 * as cached, completed or failed; log lines belong to the step that printed them (the classic builder
 * does not separate stdout from stderr: everything is stdout there).
 */
export type BuildEvent =
    | { readonly type: 'step-started'; readonly step: BuildStep }
    | { readonly type: 'step-cached'; readonly step: BuildStep }
    | { readonly type: 'step-completed'; readonly step: BuildStep; readonly durationMs?: number }
    | { readonly type: 'step-failed'; readonly step: BuildStep; readonly error: string }
    | { readonly type: 'log'; readonly step?: BuildStep; readonly stream: 'stdout' | 'stderr'; readonly text: string }
    | { readonly type: 'warning'; readonly message: string; readonly step?: BuildStep; readonly line?: number }
    | { readonly type: 'image'; readonly imageId: string };

export type BuildEventListener = (event: BuildEvent) => void;
