import type { FindingFix } from '../../findings/Finding';
import type { DiffReport, DiffReportSide, ReportFinding } from '../DiffReport';
import { countsLine } from './countsLine';
import { groupByFacet } from './groupByFacet';
import { markdownCode, markdownText } from './markdownText';

const ICON = { error: '🔴', warning: '🟠', info: '🔵' } as const;

/**
 * `parity diff --format markdown`, for a pull-request comment: errors and warnings in a table per facet,
 * information and unknown facts folded in `<details>`. Every value goes through markdownText/markdownCode —
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
    const risks = report.findings.filter((finding) => finding.severity !== 'info');
    const info = report.findings.filter((finding) => finding.severity === 'info');
    if (report.findings.length === 0) {
        lines.push('No differences that matter.', '');
    }
    lines.push(...tables(risks, threeWay));
    if (info.length > 0) {
        lines.push(`<details><summary>${info.length} info</summary>`, '', ...tables(info, threeWay), '</details>', '');
    }
    if (report.unknown.length > 0) {
        lines.push(`<details><summary>${report.unknown.length} unknown (not compared)</summary>`, '');
        for (const unknown of report.unknown) {
            const what = unknown.key === undefined ? unknown.facet : `${unknown.facet} ${unknown.key}`;
            lines.push(`- ${markdownCode(what)} (${unknown.side === 'both' ? 'both sides' : `${unknown.side} side`}): ${markdownText(unknown.why)}`);
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
            threeWay ? '| | key | from | via | to | introduced by | what | fix |' : '| | key | from | to | what | fix |',
            threeWay ? '|---|---|---|---|---|---|---|---|' : '|---|---|---|---|---|---|',
            ...group.map((finding) => row(finding, threeWay)),
            '',
        );
    }
    return lines;
}

const value = (text: string | null | undefined): string => (text === null || text === undefined ? '—' : markdownCode(text));

function row(finding: ReportFinding, threeWay: boolean): string {
    const notes = [
        ...(finding.secret === true ? ['secret'] : []),
        ...(finding.byDesign === undefined ? [] : [`by design: ${markdownText(finding.byDesign)}`]),
    ];
    const what = [markdownText(finding.message), ...notes.map((note) => `<i>${note}</i>`)].join('<br>');
    const middle = threeWay ? [value(finding.from), value(finding.via), value(finding.to), finding.introducedBy ?? '—'] : [value(finding.from), value(finding.to)];
    const fixes = (finding.fix ?? []).map(fixCell).join('<br>');
    return `| ${ICON[finding.severity]} ${finding.severity} | ${markdownCode(finding.key)} | ${middle.join(' | ')} | ${what} | ${fixes === '' ? '—' : fixes} |`;
}

function fixCell(fix: FindingFix): string {
    const edit = fix.replaceLineWith === undefined ? '' : ` → ${markdownCode(fix.replaceLineWith)}`;
    return `${markdownCode(`${fix.at.file}:${fix.at.line}`)} (${fix.side} side)${edit}: ${markdownText(fix.description)}`;
}
