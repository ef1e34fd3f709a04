import type { DiffReport } from '../../core/diff/DiffReport';
import { diffSnapshots } from '../../core/diff/diffSnapshots';
import type { DiffRules } from '../../core/diff/DiffRules';
import { type DiffTarget, formatDiffTarget } from '../../core/diff/DiffTarget';
import { threeWay } from '../../core/diff/threeWay';
import { toDiffReport } from '../../core/diff/toDiffReport';
import { type SideDrift, withDrift } from '../../core/diff/withDrift';
import type { Logger } from '../../core/Logger';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import { loadDiffProject } from './loadDiffProject';

export type DiffSide = 'from' | 'via' | 'to';

export interface CapturedSide {
    readonly target: DiffTarget;
    readonly snapshot: Snapshot;
}

export interface CompareSidesRequest {
    readonly from: CapturedSide;
    readonly to: CapturedSide;
    readonly via?: CapturedSide;
    /** Replicas of a side that differ from each other, as the capture found them. */
    readonly drift: readonly SideDrift[];
    /** The folder fixes point into and .parity/config.json is read from. */
    readonly projectRoot?: string;
    /** Which side is this machine, if one is: the plan made from it says what differs by design. */
    readonly hostSide?: DiffSide;
    readonly rules?: Partial<DiffRules>;
    readonly log: Logger;
}

/**
 * Captured sides as one DiffReport: the project's files and rules are read, then the pure diff runs. Shared by
 * a comparison that has just captured its sides and by one that recomputes after a project file was saved.
 */
export async function compareSides(request: CompareSidesRequest): Promise<DiffReport> {
    const { from, to, via } = request;
    const { project, rules } = await loadDiffProject({
        ...(request.projectRoot === undefined ? {} : { projectRoot: request.projectRoot }),
        ...(request.hostSide === undefined ? {} : { host: request[request.hostSide]?.snapshot as Snapshot }),
        ...(request.rules ? { settings: request.rules } : {}),
        log: request.log,
    });
    const compared = via
        ? threeWay(from.snapshot, via.snapshot, to.snapshot, rules, project)
        : diffSnapshots(from.snapshot, to.snapshot, rules, project);
    // Replicas that differ from each other are findings in their own right, next to the sides' differences.
    const result = withDrift(compared, request.drift, rules);
    request.log.debug(`diff: compared ${formatDiffTarget(from.target)} with ${formatDiffTarget(to.target)}`);
    return toDiffReport(result, { from, to, ...(via ? { via } : {}) });
}
