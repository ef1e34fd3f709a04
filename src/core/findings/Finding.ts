import type { SourceRef } from '../snapshot/Snapshot';

export type Severity = 'error' | 'warning' | 'info';

/** Which of two compared environments: `from` is the one the app works in, `to` the one it is going to. */
export type Side = 'from' | 'to';

/**
 * One difference that matters, between two environments or between what a project declares and what
 * runs. Everything that reports (Problems panel, tree, CLI text, JSON, SARIF) renders these; the JSON form is
 * this object as it is, so field names are a contract (docs/diff.md).
 */
export interface Finding {
    /** The snapshot section: runtimes, platform, packages, env, locale, timezone, user, limits … */
    readonly facet: string;
    /** What inside the facet, e.g. "node", "TZ", "nofile", a package name. */
    readonly key: string;
    readonly severity: Severity;
    /** The value on the `from` side as text; null when it is absent there. Never an env value (only "differs"). */
    readonly from: string | null;
    /** The value on the `to` side as text; null when it is absent there. */
    readonly to: string | null;
    readonly message: string;
    /** The id of the rule in DIFF_RULE_TABLE that produced it; severities and ignores are keyed by it. */
    readonly rule: string;
    /** Why Parity makes this difference on purpose; such a finding is always info. */
    readonly byDesign?: string;
    /** The finding is about a variable whose name looks like a credential. */
    readonly secret?: boolean;
    /** Ways to remove the difference, each saying which side changes; absent when nothing declares it. */
    readonly fix?: readonly FindingFix[];
    /** For a replica that differs from its service's other replicas (rule swarm.drift): which, and how. */
    readonly drift?: ReplicaDrift;
}

/**
 * A task of a Swarm service that differs from the service's reference task (the lowest slot): the finding's
 * from is the reference's value, its to the task's. The facet, key and rule are those of the difference itself.
 */
export interface ReplicaDrift {
    /** The side of the comparison the service is on; set by the diff, absent when the service was captured alone. */
    readonly side?: 'from' | 'via' | 'to';
    /** `SERVICE.SLOT` (a global service's task: `SERVICE.NODE`). */
    readonly task: string;
    readonly taskId: string;
    /** The task every other task is compared with. */
    readonly reference: string;
    readonly referenceTaskId: string;
    readonly facet: string;
    readonly key: string;
    readonly rule: string;
}

export interface FindingFix {
    readonly description: string;
    /** The environment the fix changes. */
    readonly side: Side;
    /** The file and line to change. */
    readonly at: SourceRef;
    /** A replacement for the whole line, when Parity knows it. */
    readonly replaceLineWith?: string;
}
