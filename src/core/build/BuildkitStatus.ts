/**
 * One `moby.buildkit.v1.StatusResponse`, as the engine sends it base64-encoded in the `aux` of a
 * `moby.buildkit.trace` message during a BuildKit build. Timestamps are epoch milliseconds.
 */
export interface BuildkitStatus {
    readonly vertexes: readonly BuildkitVertex[];
    readonly statuses: readonly BuildkitVertexStatus[];
    readonly logs: readonly BuildkitVertexLog[];
    readonly warnings: readonly BuildkitVertexWarning[];
}

export interface BuildkitVertex {
    readonly digest: string;
    readonly name: string;
    readonly cached: boolean;
    readonly started?: number;
    readonly completed?: number;
    readonly error?: string;
}

/** Progress of a sub-task (a layer download, an export), with byte counts. */
export interface BuildkitVertexStatus {
    readonly id: string;
    readonly vertex: string;
    readonly name: string;
    readonly current: number;
    readonly total: number;
    readonly completed?: number;
}

export interface BuildkitVertexLog {
    readonly vertex: string;
    /** 1 stdout, 2 stderr. */
    readonly stream: number;
    readonly data: Buffer;
}

export interface BuildkitVertexWarning {
    readonly vertex: string;
    readonly short: string;
    readonly detail: readonly string[];
    readonly url?: string;
    /** 1-based Dockerfile line the warning is about, when BuildKit says. */
    readonly line?: number;
}

/** Turns the protobuf bytes of one trace message into a status (src/engine/build/buildkitStatusDecoder.ts). */
export type BuildkitStatusDecoder = (bytes: Uint8Array) => BuildkitStatus;
