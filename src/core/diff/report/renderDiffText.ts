import type { FindingFix } from '../../findings/Finding';
import type { UnknownFacet } from '../DiffResult';
import type { DiffReport, DiffReportSide, ReportFinding } from '../DiffReport';
import { countsLine } from './countsLine';
import { groupByFacet } from './groupByFacet';
import { printable } from './printable';
import { reportLayout, type CompactEntry } from './reportLayout';

export const NO_DIFFERENCES = 'No differences that matter.';
export const INFORMATION = 'Information';
export const BY_DESIGN = 'Different by design';

/**
 * The human report: `parity diff` on a terminal and the read-only "Parity Report" document in VS Code. It is
 * read in seconds: errors and warnings first and in full (message, every fix), then information one line each
 * or summed up per rule, then what Parity makes different on purpose, once per reason (reportLayout).
 * Every line kind starts with a fixed shape (a side label, `## section (n)`, a severity, `rule ×n`, `by design (n):`,
 * `fix (…)`) so syntaxes/parity-report.tmLanguage.json can colour it, and everything under a heading is
 * indented so the editor folds by section. Values pass through printable(): one value, one line.
 */
export function renderDiffText(report: DiffReport): string {
    const lines = [
        `Parity Report: ${printable(report.from.target)} → ${printable(report.to.target)}`,
        sideLine('from', report.from),
    ];
    if (report.via) {
        lines.push(sideLine('via', report.via));
    }
    lines.push(sideLine('to', report.to), '', countsLine(report), '');
    const layout = reportLayout(report.findings);
    if (layout.risks.length === 0) {
        lines.push(NO_DIFFERENCES, '');
    }
    for (const [facet, findings] of groupByFacet(layout.risks)) {
        lines.push(`## ${printable(facet)} (${findings.length})`, ...findings.flatMap(findingLines), '');
    }
    if (layout.infoCount > 0) {
        lines.push(
            `## ${INFORMATION} (${layout.infoCount})`,
            ...layout.info.map((entry) => compactLine(entry, '  ')),
            '',
        );
    }
    if (layout.byDesignCount > 0) {
        lines.push(`## ${BY_DESIGN} (${layout.byDesignCount})`);
        for (const group of layout.byDesign) {
            lines.push(
                `  by design (${group.count}): ${printable(group.reason)}`,
                ...group.entries.map((entry) => compactLine(entry, '    ')),
            );
        }
        lines.push('');
    }
    if (report.unknown.length > 0) {
        lines.push(`## unknown (${report.unknown.length})`, ...report.unknown.map(unknownLine), '');
    }
    return lines.join('\n');
}

function sideLine(label: 'from' | 'via' | 'to', side: DiffReportSide): string {
    return `${label}: ${printable(side.target)} (${side.kind} ${printable(side.ref)}, ${printable(side.platform)}, captured ${printable(side.capturedAt)})`;
}

const value = (text: string | null | undefined): string =>
    text === null || text === undefined ? '(absent)' : printable(text);

function headLine(finding: ReportFinding, indent: string, tags: readonly string[]): string {
    return `${indent}${finding.severity.padEnd(7)} ${printable(finding.key)}: ${value(finding.from)} → ${value(finding.to)}  ${tags.join(' ')}`;
}

function findingLines(finding: ReportFinding): string[] {
    const tags = [
        `[${finding.rule}]`,
        ...(finding.secret === true ? ['[secret]'] : []),
        ...(finding.byDesign === undefined ? [] : ['[by design]']),
    ];
    const lines = [headLine(finding, '  ', tags), `    ${printable(finding.message)}`];
    if (finding.byDesign !== undefined) {
        lines.push(`    by design: ${printable(finding.byDesign)}`);
    }
    if (finding.via !== undefined || finding.introducedBy !== undefined) {
        const introduced = finding.introducedBy === undefined ? '' : ` — introduced by ${finding.introducedBy}`;
        lines.push(
            `    host | image | target: ${value(finding.from)} | ${value(finding.via)} | ${value(finding.to)}${introduced}`,
        );
    }
    for (const fix of finding.fix ?? []) {
        lines.push(...fixLines(fix));
    }
    return lines;
}

/** Information on one line: the finding's key and values with short tags, or `rule ×n (note): keys … and n more`. */
function compactLine(entry: CompactEntry, indent: string): string {
    if (entry.kind === 'summary') {
        const note = entry.note === '' ? '' : ` (${entry.note})`;
        const more = entry.more === 0 ? '' : ` … and ${entry.more} more`;
        return `${indent}${printable(entry.rule)} ×${entry.count}${note}: ${entry.keys.map(printable).join(', ')}${more}`;
    }
    const { finding } = entry;
    return headLine(finding, indent, [
        `[${finding.rule}]`,
        ...(finding.secret === true ? ['[secret]'] : []),
        ...(finding.introducedBy === undefined ? [] : [`[introduced by ${finding.introducedBy}]`]),
    ]);
}

function fixLines(fix: FindingFix): string[] {
    const lines = [
        `    fix (${fix.side} side) ${printable(fix.at.file)}:${fix.at.line} — ${printable(fix.description)}`,
    ];
    if (fix.replaceLineWith !== undefined) {
        lines.push(`      replace line with: ${printable(fix.replaceLineWith)}`);
    }
    return lines;
}

function unknownLine(unknown: UnknownFacet): string {
    const what =
        unknown.key === undefined ? printable(unknown.facet) : `${printable(unknown.facet)} ${printable(unknown.key)}`;
    return `  ? ${what} (${unknown.side === 'both' ? 'both sides' : `${unknown.side} side`}): ${printable(unknown.why)}`;
}
