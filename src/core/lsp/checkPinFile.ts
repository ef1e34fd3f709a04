import { DIFF_RULE_TABLE } from '../diff/DIFF_RULE_TABLE';
import type { ReportFinding } from '../diff/DiffReport';
import { diffFindingProblems } from '../dockerfile/diffFindingProblems';
import { type DocumentProblem, lineSpan } from '../dockerfile/DockerfileProblem';
import type { Finding } from '../findings/Finding';
import { PIN_CODES } from './parityProtocol';
import { reconcileRuntimes } from '../snapshot/reconcileRuntimes';
import type { RuntimeDeclaration, RuntimeName, Snapshot } from '../snapshot/Snapshot';

export interface PinFileCheckInput {
    readonly path: string;
    readonly text: string;
    /** What the file declares (pinFileDeclarations). */
    readonly declared: Readonly<Partial<Record<RuntimeName, readonly RuntimeDeclaration[]>>>;
    readonly local?: Snapshot;
    readonly target?: Snapshot;
    readonly findings?: readonly ReportFinding[];
}

/**
 * A pin file's declarations against what is installed locally and on the target, through the snapshot's
 * own reconcileRuntimes (same messages, same fixes), plus the last diff's findings that point into it.
 */
export function checkPinFile(input: PinFileCheckInput): DocumentProblem[] {
    const problems: DocumentProblem[] = [];
    for (const [snapshot, side, here] of [
        [input.local, 'from', 'here'],
        [input.target, 'to', 'on the target'],
    ] as const) {
        if (!snapshot) {
            continue;
        }
        const runtimes = Object.fromEntries(
            Object.entries(input.declared).map(([name, declared]) => [
                name,
                { declared, installed: snapshot.runtimes[name as RuntimeName]?.installed ?? null },
            ]),
        );
        for (const finding of reconcileRuntimes(
            runtimes,
            side,
            here === 'here' ? here : `${here} (${snapshot.meta.source.ref})`,
        )) {
            problems.push(...problemOf(finding, input.text, side === 'from' ? 'local' : 'target'));
        }
    }
    problems.push(...diffFindingProblems(input.findings ?? [], input.path, input.text));
    return problems;
}

function problemOf(finding: Finding, text: string, side: 'local' | 'target'): DocumentProblem[] {
    const fix = finding.fix?.[0];
    if (!fix || !Object.hasOwn(DIFF_RULE_TABLE, finding.rule)) {
        return [];
    }
    const rule = finding.rule as keyof typeof DIFF_RULE_TABLE;
    return [
        {
            code: PIN_CODES[side],
            severity: finding.severity,
            rule,
            facet: finding.facet,
            key: finding.key,
            span: lineSpan(fix.at.line - 1, text),
            message: finding.message,
            fixes:
                fix.replaceLineWith === undefined
                    ? []
                    : [
                          {
                              title: fix.description,
                              changes: [{ span: lineSpan(fix.at.line - 1, text), newText: fix.replaceLineWith }],
                              preferred: side === 'local',
                          },
                      ],
        },
    ];
}
