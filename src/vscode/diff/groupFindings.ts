import type { Finding, Severity } from '../../core/findings/Finding';
import { type CountWords, ENGLISH_COUNTS } from './CountWords';

/** The findings of one facet, in report order, with how many there are of each severity. */
export interface FindingGroup<F extends Finding = Finding> {
    readonly facet: string;
    readonly findings: readonly F[];
    readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * Findings grouped by facet. Findings come sorted by severity, so the facets keep the order of their first
 * finding: the facet with the worst finding comes first.
 */
export function groupFindings<F extends Finding>(findings: readonly F[]): FindingGroup<F>[] {
    const byFacet = new Map<string, F[]>();
    for (const finding of findings) {
        const list = byFacet.get(finding.facet) ?? [];
        list.push(finding);
        byFacet.set(finding.facet, list);
    }
    return [...byFacet].map(([facet, list]) => ({ facet, findings: list, counts: countSeverities(list) }));
}

export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) {
        counts[finding.severity] += 1;
    }
    return counts;
}

/** "2 errors, 1 warning, 3 info" — only the severities there are; "" for none. */
export function severityCountsText(
    counts: Readonly<Record<Severity, number>>,
    words: CountWords = ENGLISH_COUNTS,
): string {
    const parts = [
        counts.error > 0 ? words.error(counts.error) : '',
        counts.warning > 0 ? words.warning(counts.warning) : '',
        counts.info > 0 ? words.info(counts.info) : '',
    ];
    return parts.filter((part) => part !== '').join(', ');
}
