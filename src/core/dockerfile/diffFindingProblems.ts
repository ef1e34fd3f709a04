import { DIFF_RULE_TABLE, type RuleId } from '../diff/DIFF_RULE_TABLE';
import type { ReportFinding } from '../diff/DiffReport';
import { type DocumentProblem, lineSpan } from './DockerfileProblem';

/**
 * The last diff's findings whose fix points into the file at `path` (a Dockerfile or a pin file): each on
 * its line, with the fix's replacement line as a quick fix where the diff knows one.
 */
export function diffFindingProblems(findings: readonly ReportFinding[], path: string, text: string): DocumentProblem[] {
    const problems: DocumentProblem[] = [];
    const lineCount = text.split('\n').length;
    for (const finding of findings) {
        const fixes = (finding.fix ?? []).filter((fix) => fix.at.file === path && fix.at.line <= lineCount);
        const first = fixes[0];
        if (!first) {
            continue;
        }
        const span = lineSpan(first.at.line - 1, text);
        problems.push({
            code: finding.rule,
            severity: finding.severity,
            ...(isRuleId(finding.rule) ? { rule: finding.rule } : {}),
            facet: finding.facet,
            key: finding.key,
            span,
            message: `${finding.message}${finding.byDesign ? ` (by design: ${finding.byDesign})` : ''}`,
            fixes: fixes.flatMap((fix) =>
                fix.replaceLineWith === undefined
                    ? []
                    : [
                          {
                              title: fix.description,
                              changes: [{ span: lineSpan(fix.at.line - 1, text), newText: fix.replaceLineWith }],
                          },
                      ],
            ),
        });
    }
    return problems;
}

function isRuleId(rule: string): rule is RuleId {
    return Object.hasOwn(DIFF_RULE_TABLE, rule);
}
