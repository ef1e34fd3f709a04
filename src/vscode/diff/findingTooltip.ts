import type { DiffReport, ReportFinding } from '../../core/diff/DiffReport';

const INTRODUCED: Readonly<Record<NonNullable<ReportFinding['introducedBy']>, string>> = {
    recipe: 'the recipe (the built image already differs from this side)',
    target: 'the target (the built image is like the from side)',
    both: 'both the recipe and the target',
};

/**
 * A finding as Markdown lines for a tooltip: the facet and key, the message, from → to with each side's
 * name (and the built image between them in a three-way diff, with which step brought the difference in),
 * by design, and its fixes. Values are those of the finding, so an env value never appears.
 */
export function findingTooltip(finding: ReportFinding, report?: Pick<DiffReport, 'from' | 'to' | 'via'>): string[] {
    const value = (text: string | null | undefined): string =>
        text === null || text === undefined ? '_absent_' : `\`${text.replace(/`/g, "'")}\``;
    const side = (name: string, target: string | undefined): string =>
        target === undefined ? name : `${name} (${target})`;
    return [
        `**${finding.facet} · ${finding.key}** — ${finding.severity} (\`${finding.rule}\`)${finding.secret ? ' · secret' : ''}`,
        finding.message,
        [
            `${side('from', report?.from.target)}: ${value(finding.from)}`,
            ...(finding.introducedBy !== undefined || finding.via !== undefined
                ? [`${side('via', report?.via?.target)}: ${value(finding.via)}`]
                : []),
            `${side('to', report?.to.target)}: ${value(finding.to)}`,
        ].join('  \n'),
        ...(finding.introducedBy ? [`Introduced by ${INTRODUCED[finding.introducedBy]}.`] : []),
        ...(finding.byDesign ? [`By design: ${finding.byDesign}`] : []),
        ...(finding.fix ?? []).map(
            (fix) => `Fix (${fix.side} side, ${fix.at.file}:${fix.at.line}): ${fix.description}`,
        ),
    ];
}
