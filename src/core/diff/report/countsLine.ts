import type { DiffReport } from '../DiffReport';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * "2 errors · 1 warning · 5 info (3 by design) · 0 ignored · 1 unknown": the same words in every human format.
 * How many info Parity made on purpose is said up front, so a long info count does not read as risk.
 */
export function countsLine(report: DiffReport): string {
    const byDesign = report.findings.filter(
        (finding) => finding.severity === 'info' && finding.byDesign !== undefined,
    ).length;
    return [
        plural(report.counts.error, 'error'),
        plural(report.counts.warning, 'warning'),
        `${report.counts.info} info${byDesign === 0 ? '' : ` (${byDesign} by design)`}`,
        `${report.ignored} ignored`,
        `${report.unknown.length} unknown`,
    ].join(' · ');
}
