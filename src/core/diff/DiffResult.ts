import type { Finding, Side } from '../findings/Finding';

/** A fact one side could not read (null, absent, or not comparable): never a difference, always said. */
export interface UnknownFacet {
    readonly facet: string;
    /** What inside the facet, when not the whole facet. */
    readonly key?: string;
    readonly side: Side | 'both';
    readonly why: string;
}

export interface DiffResult {
    /** Sorted: severity (error first), then facet, key and rule, so equal inputs give equal output. */
    readonly findings: readonly Finding[];
    /** How many findings the rules ignored ("off" severities, ignore entries): counted, never silently lost. */
    readonly ignored: number;
    readonly unknown: readonly UnknownFacet[];
}
