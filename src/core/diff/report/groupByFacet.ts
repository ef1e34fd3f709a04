import type { ReportFinding } from '../DiffReport';

/** Findings per facet, facets in the order they first appear — findings come sorted errors first, so facets with errors lead. */
export function groupByFacet(findings: readonly ReportFinding[]): ReadonlyMap<string, readonly ReportFinding[]> {
    const groups = new Map<string, ReportFinding[]>();
    for (const finding of findings) {
        const group = groups.get(finding.facet);
        if (group) {
            group.push(finding);
        } else {
            groups.set(finding.facet, [finding]);
        }
    }
    return groups;
}
