import type { FindingFix } from '../../findings/Finding';
import type { UnknownFacet } from '../DiffResult';
import type { DiffReport, DiffReportSide, ReportFinding } from '../DiffReport';
import { countsLine } from './countsLine';
import { groupByFacet } from './groupByFacet';
import { printable } from './printable';

export const NO_DIFFERENCES = 'No differences that matter.';

/**
 * The human report: `parity diff` on a terminal and the read-only "Parity Report" document in VS Code.
 * Every line kind starts with a fixed shape (a side label, `## facet (n)`, two spaces and a severity, four
 * spaces and `fix (…)`) so syntaxes/parity-report.tmLanguage.json can colour it, and everything under a
 * heading is indented so the editor folds by facet. Values pass through printable(): one value, one line.
 */
export function renderDiffText(report: DiffReport): string {
    const lines = [`Parity Report: ${printable(report.from.target)} → ${printable(report.to.target)}`, sideLine('from', report.from)];
    if (report.via) {
        lines.push(sideLine('via', report.via));
    }
    lines.push(sideLine('to', report.to), '', countsLine(report), '');
    if (report.findings.length === 0) {
        lines.push(NO_DIFFERENCES, '');
    }
    for (const [facet, findings] of groupByFacet(report.findings)) {
        lines.push(`## ${printable(facet)} (${findings.length})`, ...findings.flatMap(findingLines), '');
    }
    if (report.unknown.length > 0) {
        lines.push(`## unknown (${report.unknown.length})`, ...report.unknown.map(unknownLine), '');
    }
    return lines.join('\n');
}

function sideLine(label: 'from' | 'via' | 'to', side: DiffReportSide): string {
    return `${label}: ${printable(side.target)} (${side.kind} ${printable(side.ref)}, ${printable(side.platform)}, captured ${printable(side.capturedAt)})`;
}

const value = (text: string | null | undefined): string => (text === null || text === undefined ? '(absent)' : printable(text));

function findingLines(finding: ReportFinding): string[] {
    const tags = [`[${finding.rule}]`, ...(finding.secret === true ? ['[secret]'] : []), ...(finding.byDesign === undefined ? [] : ['[by design]'])];
    const lines = [
        `  ${finding.severity.padEnd(7)} ${printable(finding.key)}: ${value(finding.from)} → ${value(finding.to)}  ${tags.join(' ')}`,
        `    ${printable(finding.message)}`,
    ];
    if (finding.byDesign !== undefined) {
        lines.push(`    by design: ${printable(finding.byDesign)}`);
    }
    if (finding.via !== undefined || finding.introducedBy !== undefined) {
        const introduced = finding.introducedBy === undefined ? '' : ` — introduced by ${finding.introducedBy}`;
        lines.push(`    host | image | target: ${value(finding.from)} | ${value(finding.via)} | ${value(finding.to)}${introduced}`);
    }
    for (const fix of finding.fix ?? []) {
        lines.push(...fixLines(fix));
    }
    return lines;
}

function fixLines(fix: FindingFix): string[] {
    const lines = [`    fix (${fix.side} side) ${printable(fix.at.file)}:${fix.at.line} — ${printable(fix.description)}`];
    if (fix.replaceLineWith !== undefined) {
        lines.push(`      replace line with: ${printable(fix.replaceLineWith)}`);
    }
    return lines;
}

function unknownLine(unknown: UnknownFacet): string {
    const what = unknown.key === undefined ? printable(unknown.facet) : `${printable(unknown.facet)} ${printable(unknown.key)}`;
    return `  ? ${what} (${unknown.side === 'both' ? 'both sides' : `${unknown.side} side`}): ${printable(unknown.why)}`;
}
