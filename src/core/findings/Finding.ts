import type { SourceRef } from '../snapshot/Snapshot';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One difference that matters, between two environments or between what a project declares and what
 * runs. Everything that reports (Problems panel, tree, CLI text, SARIF) renders these.
 */
export interface Finding {
    /** The snapshot section: runtime, platform, env, locale, timezone, limits, certificates … */
    readonly facet: string;
    /** What inside the facet, e.g. "node", "TZ", "nofile". */
    readonly key: string;
    /** The value on the local side (the developer's machine, or what is installed), as text. */
    readonly local: string | null;
    /** The value on the other side (the target, or what the project declares), as text. */
    readonly target: string | null;
    readonly severity: Severity;
    readonly message: string;
    /** Where the finding belongs in the project (a pin file line), for diagnostics. */
    readonly at?: SourceRef;
    readonly fix?: FindingFix;
}

export interface FindingFix {
    readonly description: string;
    /** The file and line to change. */
    readonly at: SourceRef;
    /** A replacement for the whole line, when Parity knows it. */
    readonly replaceLineWith?: string;
}
