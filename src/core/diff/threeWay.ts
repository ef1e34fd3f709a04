import type { Finding } from '../findings/Finding';
import type { Snapshot } from '../snapshot/Snapshot';
import type { IntroducedBy, ReportFinding } from './DiffReport';
import { diffSnapshots } from './diffSnapshots';
import type { DiffProject } from './DiffProject';
import type { DiffResult, UnknownFacet } from './DiffResult';
import type { DiffRules } from './DiffRules';

export interface ThreeWayResult {
    readonly findings: readonly ReportFinding[];
    readonly ignored: number;
    readonly unknown: readonly UnknownFacet[];
}

/**
 * The machine (`from`), the image built from the project (`via`) and the target (`to`): the from→to diff,
 * each finding annotated with the image's value and the step that introduced it — `recipe` when the image
 * already differs from `from` and `to` is like the image, `target` when the image is like `from` and only
 * `to` differs, `both` otherwise. Pure; the same rules and project for all three comparisons. A finding whose
 * fact the image could not read gets no annotation, since guessing the step would be a lie.
 */
export function threeWay(
    from: Snapshot,
    via: Snapshot,
    to: Snapshot,
    rules: DiffRules,
    project: DiffProject = {},
): ThreeWayResult {
    const main = diffSnapshots(from, to, rules, project);
    const recipe = diffSnapshots(from, via, rules, project);
    const target = diffSnapshots(via, to, rules, project);
    return { ...main, findings: main.findings.map((finding) => annotate(finding, recipe, target)) };
}

function annotate(finding: Finding, recipe: DiffResult, target: DiffResult): ReportFinding {
    const inRecipe = counterpart(recipe, finding);
    const inTarget = counterpart(target, finding);
    if ((!inRecipe && unreadIn(recipe, finding, 'to')) || (!inTarget && unreadIn(target, finding, 'from'))) {
        return finding;
    }
    // No difference between the machine and the image: the image has the machine's value.
    const via = inRecipe ? inRecipe.to : inTarget ? inTarget.from : finding.from;
    const introducedBy: IntroducedBy = inRecipe && !inTarget ? 'recipe' : !inRecipe && inTarget ? 'target' : 'both';
    return { ...finding, via, introducedBy };
}

/** The same difference in another comparison: same facet, key and rule, else same facet and key (a major step there may be a minor one here). */
function counterpart(result: DiffResult, finding: Finding): Finding | undefined {
    const same = result.findings.filter((other) => other.facet === finding.facet && other.key === finding.key);
    return same.find((other) => other.rule === finding.rule) ?? same[0];
}

/**
 * Whether the image's side of a comparison without this difference could not read the facet: then "no
 * difference" means "not known". By facet, since an unknown's key names the fact that was missing
 * (timezone offsetMinutes), not always the finding's key (timezone name).
 */
function unreadIn(result: DiffResult, finding: Finding, side: 'from' | 'to'): boolean {
    return result.unknown.some(
        (unknown) => unknown.facet === finding.facet && (unknown.side === side || unknown.side === 'both'),
    );
}
