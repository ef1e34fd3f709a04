import type { DiffReport } from '../../core/diff/DiffReport';
import { type CountWords, ENGLISH_COUNTS } from './CountWords';
import { severityCountsText } from './groupFindings';

/** The summary of a report for the Findings view's first row: label, description and a tooltip line per part. */
export interface ReportSummary {
    readonly label: string;
    readonly description: string;
    readonly tooltip: readonly string[];
}

/**
 * "from ↔ to" and what came out: the counts by severity, how many findings are by design, how many the rules
 * ignored and how many facts could not be read — ignored and unknown are said, never silently dropped.
 */
export function reportSummary(
    report: Pick<DiffReport, 'from' | 'to' | 'via' | 'findings' | 'counts' | 'ignored' | 'unknown'>,
    words: CountWords = ENGLISH_COUNTS,
): ReportSummary {
    const byDesign = report.findings.filter((finding) => finding.byDesign !== undefined).length;
    const counts = severityCountsText(report.counts, words) || words.noDifferences;
    const extra = [
        ...(byDesign > 0 ? [words.byDesign(byDesign)] : []),
        words.ignored(report.ignored),
        words.unknown(report.unknown.length),
    ];
    const sides = report.via
        ? `${report.from.target} ↔ ${report.via.target} ↔ ${report.to.target}`
        : `${report.from.target} ↔ ${report.to.target}`;
    return {
        label: sides,
        description: [counts, ...extra].join(' · '),
        tooltip: [
            sides,
            counts,
            ...extra,
            ...report.unknown.map(
                (unknown) =>
                    `unknown: ${unknown.facet}${unknown.key ? ` ${unknown.key}` : ''} (${unknown.side}) — ${unknown.why}`,
            ),
        ],
    };
}
