import { type AppFacts, type CaptureIssue, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../snapshot/Snapshot';
import type { ProbeFacts, ProbeSourceKind } from './parseProbeOutput';

export interface ProbeSnapshotMeta {
    readonly kind: ProbeSourceKind;
    readonly ref: string;
    /** The engine's id for what was probed (image sha256 or container id). */
    readonly id?: string;
    readonly toolVersion: string;
    readonly capturedAt: Date;
    readonly durationMs: number;
    /** The public id of the key the env hashes were made with. */
    readonly envKey: string;
}

/**
 * A Snapshot of an image or container: the probe's facts, the app as its config describes it, and nothing
 * about a project (no declarations, lockfiles or native dependencies — a probe sees no project files).
 */
export function snapshotFromProbe(
    facts: ProbeFacts,
    meta: ProbeSnapshotMeta,
    app: AppFacts | null,
    extraIssues: readonly CaptureIssue[] = [],
): Snapshot {
    return {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        meta: {
            capturedAt: meta.capturedAt.toISOString(),
            source: { kind: meta.kind, ref: meta.ref, ...(meta.id ? { id: meta.id } : {}) },
            tool: { name: 'parity', version: meta.toolVersion },
            durationMs: meta.durationMs,
            ...(facts.unread && facts.unread.length > 0 ? { unread: facts.unread } : {}),
            envKey: meta.envKey,
        },
        platform: facts.platform,
        runtimes: facts.runtimes,
        packageManagers: facts.packageManagers,
        lockfiles: [],
        nativeDependencies: [],
        systemPackages: facts.systemPackages,
        env: facts.env,
        locale: facts.locale,
        timezone: facts.timezone,
        user: facts.user,
        umask: facts.umask,
        limits: facts.limits,
        resources: facts.resources,
        app: app && facts.workingDir ? { ...app, workingDir: facts.workingDir } : app,
        filesystem: facts.filesystem,
        certificates: facts.certificates,
        issues: [...facts.issues, ...extraIssues],
    };
}
