import type { Finding } from '../findings/Finding';
import { keyPattern } from '../keyPattern';
import type { ReportFinding } from './DiffReport';
import type { UnknownFacet } from './DiffResult';
import type { DiffRules } from './DiffRules';
import { compareFindings } from './diffSnapshots';
import type { ReportResultInput } from './toDiffReport';

/** The drift one side of a comparison brought (a Swarm service's replicas that differ from each other). */
export interface SideDrift {
    readonly side: 'from' | 'via' | 'to';
    readonly findings: readonly Finding[];
    readonly unknown?: readonly UnknownFacet[];
}

/**
 * A diff's result with the sides' drift findings merged in: counted, ignored and sorted like every other
 * finding. The rules apply to a drift finding as `swarm.drift` (its severity; ignores by rule swarm.drift,
 * facet swarm and its key) and as the difference it restates (an ignore or an "off" for its own rule, facet
 * and key), so what a project ignores between environments is not reported between replicas either.
 */
export function withDrift(result: ReportResultInput, drift: readonly SideDrift[], rules: DiffRules): ReportResultInput {
    if (drift.length === 0) {
        return result;
    }
    const ignores = rules.ignore.map((ignore) => ({
        ...ignore,
        key: ignore.key === undefined ? undefined : keyPattern(ignore.key),
    }));
    const ignored = (rule: string, facet: string, key: string): boolean =>
        ignores.some(
            (ignore) =>
                (ignore.rule === undefined || ignore.rule === rule) &&
                (ignore.facet === undefined || ignore.facet === facet) &&
                (ignore.key === undefined || ignore.key.test(key)),
        );
    const override = rules.severity['swarm.drift'];
    const findings: ReportFinding[] = [...result.findings];
    const unknown: UnknownFacet[] = [...result.unknown];
    let ignoredCount = result.ignored;
    for (const { side, findings: sideFindings, unknown: sideUnknown } of drift) {
        for (const finding of sideFindings) {
            const inner = finding.drift;
            const innerOff =
                inner !== undefined && (rules.severity as Readonly<Record<string, string>>)[inner.rule] === 'off';
            if (
                override === 'off' ||
                innerOff ||
                ignored(finding.rule, finding.facet, finding.key) ||
                (inner !== undefined && ignored(inner.rule, inner.facet, inner.key))
            ) {
                ignoredCount += 1;
                continue;
            }
            findings.push({
                ...finding,
                ...(override === undefined ? {} : { severity: override }),
                ...(inner ? { drift: { side, ...inner } } : {}),
            });
        }
        // The report's unknown sides are from, to or both: a via side's gaps count for both.
        unknown.push(
            ...(sideUnknown ?? []).map((entry) => ({ ...entry, side: side === 'via' ? ('both' as const) : side })),
        );
    }
    const order = (entry: UnknownFacet): string => `${entry.facet}\n${entry.key ?? ''}\n${entry.side}`;
    unknown.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    return { findings: findings.sort(compareFindings), ignored: ignoredCount, unknown };
}
