import type { Finding } from '../findings/Finding';
import type { Snapshot } from '../snapshot/Snapshot';
import { compareFindings, diffSnapshots } from './diffSnapshots';
import type { UnknownFacet } from './DiffResult';
import { DEFAULT_DIFF_RULES } from './DiffRules';

/** One task of a service with its snapshot. */
export interface ReplicaSnapshot {
    /** `SERVICE.SLOT`. */
    readonly task: string;
    readonly taskId: string;
    readonly snapshot: Snapshot;
}

export interface ReplicaDriftResult {
    /** Rule swarm.drift, one per difference of one task from the reference; sorted like every report's findings. */
    readonly findings: readonly Finding[];
    /** Facts one of two compared tasks could not read (its probe was cut short): never drift. */
    readonly unknown: readonly UnknownFacet[];
}

/**
 * How the replicas of one service differ from its reference task: diffSnapshots between the reference and each
 * other task with the default rules (volatile facts — hostname, container id — are never compared), each finding
 * restated as drift of that task. A difference that would be an error between two environments stays one;
 * every other is a warning, since replicas that should be alike are not. Users' rules apply later (applyDriftRules).
 */
export function replicaDrift(reference: ReplicaSnapshot, others: readonly ReplicaSnapshot[]): ReplicaDriftResult {
    const findings: Finding[] = [];
    const unknown: UnknownFacet[] = [];
    for (const replica of others) {
        const result = diffSnapshots(reference.snapshot, replica.snapshot, DEFAULT_DIFF_RULES);
        for (const finding of result.findings) {
            findings.push({
                facet: 'swarm',
                key: `${replica.task} ${finding.facet} ${finding.key}`,
                severity: finding.severity === 'error' ? 'error' : 'warning',
                from: finding.from,
                to: finding.to,
                message: `Replica ${replica.task} (task ${shortId(replica.taskId)}) differs from ${reference.task} (task ${shortId(reference.taskId)}), from being ${reference.task} and to ${replica.task}: ${finding.message}`,
                rule: 'swarm.drift',
                ...(finding.secret ? { secret: true } : {}),
                drift: {
                    task: replica.task,
                    taskId: replica.taskId,
                    reference: reference.task,
                    referenceTaskId: reference.taskId,
                    facet: finding.facet,
                    key: finding.key,
                    rule: finding.rule,
                },
            });
        }
        for (const entry of result.unknown) {
            unknown.push({
                facet: 'swarm',
                key: `${replica.task} ${entry.facet}${entry.key === undefined ? '' : ` ${entry.key}`}`,
                side: 'both',
                why: `${replica.task} against ${reference.task}: ${entry.why}`,
            });
        }
    }
    return { findings: findings.sort(compareFindings), unknown };
}

/** Docker's short form of an id, as `docker service ps` shows it. */
function shortId(id: string): string {
    return id.slice(0, 12);
}
