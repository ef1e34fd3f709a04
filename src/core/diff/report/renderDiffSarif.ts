import type * as Sarif from 'sarif';
import type { FindingFix, Severity } from '../../findings/Finding';
import { DIFF_RULE_TABLE } from '../DIFF_RULE_TABLE';
import type { DiffReport, ReportFinding } from '../DiffReport';

export interface SarifOptions {
    /** Parity's version, for tool.driver.version; omitted when not given. */
    readonly toolVersion?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const RULE_IDS = Object.keys(DIFF_RULE_TABLE);
const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = {
    error: 'error',
    warning: 'warning',
    info: 'note',
};
/** Fix locations are project-relative; the uploader maps %SRCROOT% to the checkout (the project folder). */
const SRCROOT = '%SRCROOT%';

/**
 * `parity diff --format sarif`: SARIF 2.1.0 for GitHub code scanning. A result points at the first fix's
 * file and line (`locations`) and at any other fix as `relatedLocations` — fixes are alternatives, and GitHub
 * wants more than one location only when every one must change. GitHub rejects results without a location,
 * so a finding no project file declares is left out of `results` and named (rule and key, never a value)
 * in the invocation's notifications and counted in the run's properties: pointing it at an unrelated file
 * would make an alert nobody can fix there. The text, JSON and markdown formats carry every finding.
 */
export function renderDiffSarif(report: DiffReport, options: SarifOptions = {}): string {
    const located = report.findings.filter((finding) => (finding.fix?.length ?? 0) > 0);
    const unlocated = report.findings.filter((finding) => (finding.fix?.length ?? 0) === 0);
    const log: Sarif.Log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'Parity',
                        ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
                        rules: Object.entries(DIFF_RULE_TABLE).map(([id, rule]) => ({
                            id,
                            shortDescription: { text: rule.description },
                            defaultConfiguration: { level: LEVEL[rule.severity] },
                            properties: { facet: rule.facet },
                        })),
                    },
                },
                invocations: [
                    {
                        executionSuccessful: true,
                        toolExecutionNotifications: unlocated.map((finding) => ({
                            level: 'note',
                            message: {
                                text: `${finding.rule} ${finding.facet}/${finding.key}: no project file declares it, so it has no location here; see parity diff --format text.`,
                            },
                            associatedRule: { id: finding.rule, ...ruleIndex(finding.rule) },
                        })),
                    },
                ],
                originalUriBaseIds: {
                    [SRCROOT]: { description: { text: 'The project folder the diff was run for.' } },
                },
                results: located.map(result),
                properties: {
                    from: report.from.target,
                    to: report.to.target,
                    ...(report.via === undefined ? {} : { via: report.via.target }),
                    counts: { ...report.counts },
                    ignored: report.ignored,
                    unknown: report.unknown.length,
                    findingsWithoutLocation: unlocated.length,
                },
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleIndex(rule: string): { index?: number } {
    const index = RULE_IDS.indexOf(rule);
    return index < 0 ? {} : { index };
}

function result(finding: ReportFinding): Sarif.Result {
    const [first, ...others] = (finding.fix ?? []).map(location);
    return {
        ruleId: finding.rule,
        ...(RULE_IDS.includes(finding.rule) ? { ruleIndex: RULE_IDS.indexOf(finding.rule) } : {}),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: first === undefined ? [] : [first],
        ...(others.length === 0 ? {} : { relatedLocations: others.map((other, id) => ({ ...other, id })) }),
        partialFingerprints: { 'parityFinding/v1': `${finding.rule}|${finding.facet}|${finding.key}` },
        properties: {
            facet: finding.facet,
            key: finding.key,
            from: finding.from,
            to: finding.to,
            ...(finding.byDesign === undefined ? {} : { byDesign: finding.byDesign }),
            ...(finding.secret === undefined ? {} : { secret: finding.secret }),
            ...(finding.via === undefined ? {} : { via: finding.via }),
            ...(finding.introducedBy === undefined ? {} : { introducedBy: finding.introducedBy }),
        },
    };
}

function location(fix: FindingFix): Sarif.Location {
    const replacement = fix.replaceLineWith === undefined ? '' : ` New line: ${fix.replaceLineWith}`;
    return {
        physicalLocation: {
            artifactLocation: { uri: encodeURI(fix.at.file), uriBaseId: SRCROOT },
            region: { startLine: fix.at.line },
        },
        message: { text: `${fix.description} (changes the ${fix.side} side)${replacement}` },
    };
}
