import { readWireFields, type WireField, wireText } from './protobufWire';

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

/** Decodes the protobuf bytes of one trace message (field numbers from BuildKit's control.proto). */
export function decodeBuildkitStatus(bytes: Uint8Array): BuildkitStatus {
    const vertexes: BuildkitVertex[] = [];
    const statuses: BuildkitVertexStatus[] = [];
    const logs: BuildkitVertexLog[] = [];
    const warnings: BuildkitVertexWarning[] = [];
    for (const field of readWireFields(bytes)) {
        if (field.type !== 'bytes') {
            continue;
        }
        switch (field.field) {
            case 1:
                vertexes.push(decodeVertex(field.value));
                break;
            case 2:
                statuses.push(decodeStatus(field.value));
                break;
            case 3:
                logs.push(decodeLog(field.value));
                break;
            case 4:
                warnings.push(decodeWarning(field.value));
                break;
        }
    }
    return { vertexes, statuses, logs, warnings };
}

function decodeVertex(bytes: Buffer): BuildkitVertex {
    let digest = '';
    let name = '';
    let cached = false;
    let started: number | undefined;
    let completed: number | undefined;
    let error: string | undefined;
    for (const field of readWireFields(bytes)) {
        switch (field.field) {
            case 1:
                digest = wireText(field);
                break;
            case 3:
                name = wireText(field);
                break;
            case 4:
                cached = varintOf(field) !== 0;
                break;
            case 5:
                started = timestampOf(field);
                break;
            case 6:
                completed = timestampOf(field);
                break;
            case 7:
                error = wireText(field) || undefined;
                break;
        }
    }
    return {
        digest,
        name,
        cached,
        ...(started === undefined ? {} : { started }),
        ...(completed === undefined ? {} : { completed }),
        ...(error === undefined ? {} : { error }),
    };
}

function decodeStatus(bytes: Buffer): BuildkitVertexStatus {
    let id = '';
    let vertex = '';
    let name = '';
    let current = 0;
    let total = 0;
    let completed: number | undefined;
    for (const field of readWireFields(bytes)) {
        switch (field.field) {
            case 1:
                id = wireText(field);
                break;
            case 2:
                vertex = wireText(field);
                break;
            case 3:
                name = wireText(field);
                break;
            case 4:
                current = varintOf(field);
                break;
            case 5:
                total = varintOf(field);
                break;
            case 8:
                completed = timestampOf(field);
                break;
        }
    }
    return { id, vertex, name, current, total, ...(completed === undefined ? {} : { completed }) };
}

function decodeLog(bytes: Buffer): BuildkitVertexLog {
    let vertex = '';
    let stream = 1;
    let data = Buffer.alloc(0);
    for (const field of readWireFields(bytes)) {
        switch (field.field) {
            case 1:
                vertex = wireText(field);
                break;
            case 3:
                stream = varintOf(field);
                break;
            case 4:
                data = field.type === 'bytes' ? Buffer.from(field.value) : data;
                break;
        }
    }
    return { vertex, stream, data };
}

function decodeWarning(bytes: Buffer): BuildkitVertexWarning {
    let vertex = '';
    let short = '';
    const detail: string[] = [];
    let url: string | undefined;
    let line: number | undefined;
    for (const field of readWireFields(bytes)) {
        switch (field.field) {
            case 1:
                vertex = wireText(field);
                break;
            case 3:
                short = wireText(field);
                break;
            case 4:
                detail.push(wireText(field));
                break;
            case 5:
                url = wireText(field) || undefined;
                break;
            case 7:
                line ??= field.type === 'bytes' ? rangeStartLine(field.value) : undefined;
                break;
        }
    }
    return { vertex, short, detail, ...(url === undefined ? {} : { url }), ...(line === undefined ? {} : { line }) };
}

/** `Range { Position start = 1 }`, `Position { int32 line = 1 }`. */
function rangeStartLine(bytes: Buffer): number | undefined {
    const start = readWireFields(bytes).find((field) => field.field === 1 && field.type === 'bytes');
    if (start?.type !== 'bytes') {
        return undefined;
    }
    const line = readWireFields(start.value).find((field) => field.field === 1);
    return line ? varintOf(line) : undefined;
}

/** `google.protobuf.Timestamp { int64 seconds = 1; int32 nanos = 2 }` → epoch milliseconds. */
function timestampOf(field: WireField): number | undefined {
    if (field.type !== 'bytes') {
        return undefined;
    }
    let seconds = 0;
    let nanos = 0;
    for (const part of readWireFields(field.value)) {
        if (part.field === 1) {
            seconds = varintOf(part);
        } else if (part.field === 2) {
            nanos = varintOf(part);
        }
    }
    return seconds * 1000 + Math.floor(nanos / 1e6);
}

function varintOf(field: WireField): number {
    return field.type === 'varint' ? Number(BigInt.asIntN(64, field.value)) : 0;
}
