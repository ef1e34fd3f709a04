import type { BuildkitStatus, BuildkitStatusDecoder } from '../../core/build/BuildkitStatus';
import { dockerodeProto } from './dockerodeProto';
import { loadProtobuf } from './loadProtobuf';

/**
 * BuildKit's `StatusResponse` decoded as dockerode decodes it (lib/buildkit.js): protobufjs and dockerode's
 * own buildkit_status.proto. dockerode only exports that decoding folded into text lines (digests and
 * timestamps gone), so the same schema and library are used here directly. Loaded when a BuildKit build
 * starts, never at start-up.
 */
export async function loadBuildkitStatusDecoder(): Promise<BuildkitStatusDecoder> {
    const protobuf = await loadProtobuf();
    const StatusResponse = protobuf
        .loadSync(dockerodeProto('buildkit_status.proto'))
        .lookupType('moby.buildkit.v1.StatusResponse');
    return (bytes) => toStatus(StatusResponse.toObject(StatusResponse.decode(bytes), { longs: Number, arrays: true }));
}

interface Timestamp {
    seconds?: number;
    nanos?: number;
}

/** The decoded message as protobufjs's toObject gives it (proto3: absent scalars are absent). */
interface StatusObject {
    vertexes: {
        digest?: string;
        name?: string;
        cached?: boolean;
        started?: Timestamp;
        completed?: Timestamp;
        error?: string;
    }[];
    statuses: {
        ID?: string;
        vertex?: string;
        name?: string;
        current?: number;
        total?: number;
        completed?: Timestamp;
    }[];
    logs: { vertex?: string; stream?: number; msg?: Uint8Array }[];
    warnings: {
        vertex?: string;
        short?: Uint8Array;
        detail: Uint8Array[];
        url?: string;
        ranges: { start?: { line?: number } }[];
    }[];
}

function toStatus(message: Record<string, unknown>): BuildkitStatus {
    const status = message as unknown as StatusObject;
    return {
        vertexes: status.vertexes.map((vertex) => {
            const started = millis(vertex.started);
            const completed = millis(vertex.completed);
            return {
                digest: vertex.digest ?? '',
                name: vertex.name ?? '',
                cached: vertex.cached ?? false,
                ...(started === undefined ? {} : { started }),
                ...(completed === undefined ? {} : { completed }),
                ...(vertex.error ? { error: vertex.error } : {}),
            };
        }),
        statuses: status.statuses.map((entry) => {
            const completed = millis(entry.completed);
            return {
                id: entry.ID ?? '',
                vertex: entry.vertex ?? '',
                name: entry.name ?? '',
                current: entry.current ?? 0,
                total: entry.total ?? 0,
                ...(completed === undefined ? {} : { completed }),
            };
        }),
        logs: status.logs.map((log) => ({
            vertex: log.vertex ?? '',
            stream: log.stream ?? 1,
            data: Buffer.from(log.msg ?? []),
        })),
        warnings: status.warnings.map((warning) => {
            const line = warning.ranges.map((range) => range.start?.line).find((at) => at !== undefined);
            return {
                vertex: warning.vertex ?? '',
                short: text(warning.short),
                detail: warning.detail.map(text),
                ...(warning.url ? { url: warning.url } : {}),
                ...(line === undefined ? {} : { line }),
            };
        }),
    };
}

/** `google.protobuf.Timestamp` → epoch milliseconds. */
function millis(timestamp: Timestamp | undefined): number | undefined {
    return timestamp === undefined
        ? undefined
        : (timestamp.seconds ?? 0) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
}

function text(bytes: Uint8Array | undefined): string {
    return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : '';
}
