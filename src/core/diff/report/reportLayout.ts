import type { ReportFinding } from '../DiffReport';

/** Above this many info findings of one facet and rule, a report shows one summary line instead of a line each. */
export const SUMMARY_OVER = 8;
/** How many keys a summary line names before "and N more". */
export const SUMMARY_KEYS = 4;

/** One line of the compact part of a report: a finding on one line, or many of one rule summed up. */
export type CompactEntry =
    | { readonly kind: 'finding'; readonly finding: ReportFinding }
    | {
          readonly kind: 'summary';
          readonly rule: string;
          readonly count: number;
          readonly keys: readonly string[];
          readonly more: number;
          readonly note: string;
      };

/** The by-design findings that share one reason. */
export interface ByDesignGroup {
    readonly reason: string;
    readonly count: number;
    readonly entries: readonly CompactEntry[];
}

/**
 * What a person reads first and what can wait: errors and warnings in full; information one line each (or summed
 * up per rule when there are many); differences Parity makes on purpose apart, once per reason. Every finding
 * lands in exactly one place, so the counts of all parts add up to the report's. The text and markdown formats
 * both render this, so they agree on what is shown where.
 */
export interface ReportLayout {
    readonly risks: readonly ReportFinding[];
    readonly info: readonly CompactEntry[];
    readonly infoCount: number;
    readonly byDesign: readonly ByDesignGroup[];
    readonly byDesignCount: number;
}

export function reportLayout(findings: readonly ReportFinding[]): ReportLayout {
    const risks: ReportFinding[] = [];
    const info: ReportFinding[] = [];
    const reasons = new Map<string, ReportFinding[]>();
    for (const finding of findings) {
        // A by-design finding is info (diffSnapshots makes it so); were one ever more, it is a risk and shown in full.
        if (finding.severity !== 'info') {
            risks.push(finding);
        } else if (finding.byDesign === undefined) {
            info.push(finding);
        } else {
            pushTo(reasons, finding.byDesign, finding);
        }
    }
    const byDesign = [...reasons].map(([reason, group]) => ({ reason, count: group.length, entries: compact(group) }));
    return {
        risks,
        info: compact(info),
        infoCount: info.length,
        byDesign,
        byDesignCount: findings.length - risks.length - info.length,
    };
}

/** Findings one line each, or one summary line per facet and rule that has more than SUMMARY_OVER. */
function compact(findings: readonly ReportFinding[]): CompactEntry[] {
    const byRule = new Map<string, ReportFinding[]>();
    for (const finding of findings) {
        pushTo(byRule, `${finding.facet}\u0000${finding.rule}`, finding);
    }
    return [...byRule.values()].flatMap((group): CompactEntry[] => {
        const first = group[0];
        if (first === undefined || group.length <= SUMMARY_OVER) {
            return group.map((finding) => ({ kind: 'finding', finding }));
        }
        const keys = group.slice(0, SUMMARY_KEYS).map((finding) => finding.key);
        return [
            {
                kind: 'summary',
                rule: first.rule,
                count: group.length,
                keys,
                more: group.length - keys.length,
                note: summaryNote(group),
            },
        ];
    });
}

/** What the findings of one rule have in common, in a few words: the side they are on, secrets, who introduced them. */
function summaryNote(group: readonly ReportFinding[]): string {
    const notes: string[] = [];
    if (group.every((finding) => finding.to === null)) {
        notes.push('only on the from side');
    } else if (group.every((finding) => finding.from === null)) {
        notes.push('only on the to side');
    } else if (group.every((finding) => finding.from !== null && finding.to !== null)) {
        notes.push('different on each side');
    }
    const secrets = group.filter((finding) => finding.secret === true).length;
    if (secrets > 0) {
        notes.push(`${secrets} secret`);
    }
    const steps = new Map<string, number>();
    for (const finding of group) {
        if (finding.introducedBy !== undefined) {
            steps.set(finding.introducedBy, (steps.get(finding.introducedBy) ?? 0) + 1);
        }
    }
    if (steps.size > 0) {
        notes.push(`introduced by ${[...steps].map(([step, count]) => `${step} ${count}`).join(', ')}`);
    }
    return notes.join('; ');
}

function pushTo<K>(map: Map<K, ReportFinding[]>, key: K, finding: ReportFinding): void {
    const group = map.get(key);
    if (group) {
        group.push(finding);
    } else {
        map.set(key, [finding]);
    }
}
