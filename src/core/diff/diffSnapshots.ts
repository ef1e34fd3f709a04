import type { Finding, Severity } from '../findings/Finding';
import type { Snapshot } from '../snapshot/Snapshot';
import { DIFF_RULE_TABLE } from './DIFF_RULE_TABLE';
import { createDiffContext, type Draft } from './DiffContext';
import type { DiffProject } from './DiffProject';
import type { DiffResult } from './DiffResult';
import type { DiffRules } from './DiffRules';
import { diffApp } from './facets/diffApp';
import { diffCapacity } from './facets/diffCapacity';
import { diffCertificates } from './facets/diffCertificates';
import { diffEnv } from './facets/diffEnv';
import { diffPackages } from './facets/diffPackages';
import { diffPlatform } from './facets/diffPlatform';
import { diffProcess } from './facets/diffProcess';
import { diffRuntimes } from './facets/diffRuntimes';
import { keyPattern } from '../keyPattern';
import type { UnknownFacet } from './DiffResult';
import { unreadFacets } from './unreadFacets';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const FACETS = [
    diffRuntimes,
    diffPlatform,
    diffPackages,
    diffEnv,
    diffProcess,
    diffCapacity,
    diffCertificates,
    diffApp,
];

/**
 * Every difference between the environment an app works in (`from`) and the one it goes to (`to`) that
 * can matter, facet by facet, each with the severity the rules give it and, where the project declares
 * it, fixes. Pure and deterministic; never throws on two valid snapshots. A fact one side could not read is
 * in `unknown`, never a finding; volatile facts (volatileFacts.ts) are never compared. `project` holds
 * the files fixes point into (see DiffProject); without it the findings are the same, with fewer fixes.
 */
export function diffSnapshots(from: Snapshot, to: Snapshot, rules: DiffRules, project: DiffProject = {}): DiffResult {
    const context = createDiffContext(from, to, rules, project);
    const unread = { from: unreadFacets(from), to: unreadFacets(to) };
    const isUnread = (facet: string): boolean => unread.from.has(facet) || unread.to.has(facet);
    const drafts = FACETS.flatMap((facet) => facet(context)).filter((draft) => !isUnread(draft.facet));
    const ignores = rules.ignore.map((ignore) => ({
        ...ignore,
        key: ignore.key === undefined ? undefined : keyPattern(ignore.key),
    }));
    const anImage = from.meta.source.kind === 'image' || to.meta.source.kind === 'image';
    const byDesign = rules.byDesign
        .filter((fact) => anImage || fact.imageOnly !== true)
        .map((fact) => ({ ...fact, key: fact.key === undefined ? undefined : keyPattern(fact.key) }));
    const findings: Finding[] = [];
    let ignored = 0;
    for (const draft of drafts) {
        const severity = rules.severity[draft.rule] ?? DIFF_RULE_TABLE[draft.rule].severity;
        const matches = (facet: string | undefined, key: RegExp | undefined): boolean =>
            (facet === undefined || facet === draft.facet) && (key === undefined || key.test(draft.key));
        if (
            severity === 'off' ||
            ignores.some(
                (ignore) =>
                    (ignore.rule === undefined || ignore.rule === draft.rule) && matches(ignore.facet, ignore.key),
            )
        ) {
            ignored += 1;
            continue;
        }
        const designed = byDesign.find((fact) => matches(fact.facet, fact.key));
        findings.push(designed ? { ...ordered(draft, 'info'), byDesign: designed.reason } : ordered(draft, severity));
    }
    findings.sort(compareFindings);
    const unknown = [...context.unknown.filter((entry) => !isUnread(entry.facet)), ...unreadUnknowns(from, to, unread)];
    return {
        findings,
        ignored,
        unknown: unknown.sort((x, y) =>
            compareText(`${x.facet}\n${x.key ?? ''}\n${x.side}`, `${y.facet}\n${y.key ?? ''}\n${y.side}`),
        ),
    };
}

/** One unknown per facet a side never read: whatever the comparers made of its placeholder values is dropped. */
function unreadUnknowns(
    from: Snapshot,
    to: Snapshot,
    unread: { readonly from: ReadonlySet<string>; readonly to: ReadonlySet<string> },
): UnknownFacet[] {
    const facets = [...new Set([...unread.from, ...unread.to])];
    return facets.map((facet) => {
        const onFrom = unread.from.has(facet);
        const onTo = unread.to.has(facet);
        const side = onFrom && onTo ? 'both' : onFrom ? 'from' : 'to';
        const whose = [...(onFrom ? [from] : []), ...(onTo ? [to] : [])]
            .map((snapshot) => `${snapshot.meta.source.kind} ${snapshot.meta.source.ref}`)
            .join(' and ');
        return { facet, side, why: `not read: the capture of ${whose} ended before it (see that snapshot's issues)` };
    });
}

/** The contract's field order, so JSON output reads the same every time. */
function ordered(draft: Draft, severity: Severity): Finding {
    const { facet, key, from, to, message, rule, secret, fix } = draft;
    return { facet, key, severity, from, to, message, rule, ...(secret ? { secret } : {}), ...(fix ? { fix } : {}) };
}

/** Severity (error first), then facet, key, rule and values: the one order of findings in a report. */
export function compareFindings(a: Finding, b: Finding): number {
    return (
        RANK[a.severity] - RANK[b.severity] ||
        compareText(a.facet, b.facet) ||
        compareText(a.key, b.key) ||
        compareText(a.rule, b.rule) ||
        compareText(a.from ?? '', b.from ?? '') ||
        compareText(a.to ?? '', b.to ?? '') ||
        compareText(a.message, b.message)
    );
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
