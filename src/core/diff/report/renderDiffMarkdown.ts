import type { FindingFix } from '../../findings/Finding';
import type { DiffReport, DiffReportSide, ReportFinding } from '../DiffReport';
import { countsLine } from './countsLine';
import { groupByFacet } from './groupByFacet';
import { markdownCode, markdownText } from './markdownText';
import { reportLayout, type CompactEntry } from './reportLayout';

const ICON = { error: '🔴', warning: '🟠', info: '🔵' } as const;

/**
 * `parity diff --format markdown`, for a pull-request comment, laid out as the text report (reportLayout): errors
 * and warnings in a table per facet with every fix; information (one item each, or summed up per rule), the
 * differences made by design (once per reason) and unknown facts folded in `<details>`. Every value goes through markdownText/markdownCode —
 * keys and values come from images and projects someone else wrote.
 */
export function renderDiffMarkdown(report: DiffReport): string {
    const threeWay = report.via !== undefined;
    const lines = [
        `### Parity diff: ${markdownCode(report.from.target)} → ${markdownCode(report.to.target)}`,
        '',
        ...sides(report),
        '',
        `**${countsLine(report)}**`,
        '',
    ];
    const layout = reportLayout(report.findings);
    if (layout.risks.length === 0) {
        lines.push('No differences that matter.', '');
    }
    lines.push(...tables(layout.risks, threeWay));
    if (layout.infoCount > 0) {
        lines.push(
            `<details><summary>${layout.infoCount} info</summary>`,
            '',
            ...layout.info.map(compactItem),
            '',
            '</details>',
            '',
        );
    }
    if (layout.byDesignCount > 0) {
        lines.push(`<details><summary>${layout.byDesignCount} different by design</summary>`, '');
        for (const group of layout.byDesign) {
            lines.push(
                `- <b>by design (${group.count})</b>: ${markdownText(group.reason)}`,
                ...group.entries.map((entry) => `  ${compactItem(entry)}`),
            );
        }
        lines.push('', '</details>', '');
    }
    if (report.unknown.length > 0) {
        lines.push(`<details><summary>${report.unknown.length} unknown (not compared)</summary>`, '');
        for (const unknown of report.unknown) {
            const what = unknown.key === undefined ? unknown.facet : `${unknown.facet} ${unknown.key}`;
            lines.push(
                `- ${markdownCode(what)} (${unknown.side === 'both' ? 'both sides' : `${unknown.side} side`}): ${markdownText(unknown.why)}`,
            );
        }
        lines.push('', '</details>', '');
    }
    return lines.join('\n');
}

function sides(report: DiffReport): string[] {
    const row = (label: string, side: DiffReportSide): string =>
        `| ${label} | ${markdownCode(side.target)} | ${side.kind} ${markdownCode(side.ref)} | ${markdownText(side.platform)} |`;
    return [
        '| side | target | source | platform |',
        '|---|---|---|---|',
        row('from', report.from),
        ...(report.via === undefined ? [] : [row('via', report.via)]),
        row('to', report.to),
    ];
}

function tables(findings: readonly ReportFinding[], threeWay: boolean): string[] {
    const lines: string[] = [];
    for (const [facet, group] of groupByFacet(findings)) {
        lines.push(
            `#### ${markdownText(facet)} (${group.length})`,
            '',
            threeWay
                ? '| | key | from | via | to | introduced by | what | fix |'
                : '| | key | from | to | what | fix |',
            threeWay ? '|---|---|---|---|---|---|---|---|' : '|---|---|---|---|---|---|',
            ...group.map((finding) => row(finding, threeWay)),
            '',
        );
    }
    return lines;
}

const value = (text: string | null | undefined): string =>
    text === null || text === undefined ? '—' : markdownCode(text);

function row(finding: ReportFinding, threeWay: boolean): string {
    const notes = [
        ...(finding.secret === true ? ['secret'] : []),
        ...(finding.byDesign === undefined ? [] : [`by design: ${markdownText(finding.byDesign)}`]),
    ];
    const what = [markdownText(finding.message), ...notes.map((note) => `<i>${note}</i>`)].join('<br>');
    const middle = threeWay
        ? [value(finding.from), value(finding.via), value(finding.to), finding.introducedBy ?? '—']
        : [value(finding.from), value(finding.to)];
    const fixes = (finding.fix ?? []).map(fixCell).join('<br>');
    return `| ${ICON[finding.severity]} ${finding.severity} | ${markdownCode(finding.key)} | ${middle.join(' | ')} | ${what} | ${fixes === '' ? '—' : fixes} |`;
}

function fixCell(fix: FindingFix): string {
    const edit = fix.replaceLineWith === undefined ? '' : ` → ${markdownCode(fix.replaceLineWith)}`;
    return `${markdownCode(`${fix.at.file}:${fix.at.line}`)} (${fix.side} side)${edit}: ${markdownText(fix.description)}`;
}

/** Information as one list item: `key` from → to (rule), or `rule` ×n (note): the first keys and how many more. */
function compactItem(entry: CompactEntry): string {
    if (entry.kind === 'summary') {
        const note = entry.note === '' ? '' : ` (${markdownText(entry.note)})`;
        const more = entry.more === 0 ? '' : ` … and ${entry.more} more`;
        return `- ${markdownCode(entry.rule)} ×${entry.count}${note}: ${entry.keys.map(markdownCode).join(', ')}${more}`;
    }
    const { finding } = entry;
    const tags = [
        markdownText(finding.rule),
        ...(finding.secret === true ? ['secret'] : []),
        ...(finding.introducedBy === undefined ? [] : [`introduced by ${finding.introducedBy}`]),
    ];
    return `- ${markdownCode(finding.key)}: ${value(finding.from)} → ${value(finding.to)} <i>${tags.join(', ')}</i>`;
}
