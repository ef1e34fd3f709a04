import type { DiffRules } from '../../core/diff/DiffRules';
import { parseDiffTarget } from '../../core/diff/DiffTarget';
import type { Logger } from '../../core/Logger';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import { captureHost } from '../../targets/host/captureHost';
import { type CapturedSide, compareSides, type DiffSide } from './compareSides';
import type { DiffTargetsResult } from './diffTargets';

export interface RefreshDiffOptions {
    /** Probe the installed runtimes again (a version-manager file changed, or the capture is old); else reuse them. */
    readonly runtimes: boolean;
    readonly rules?: Partial<DiffRules>;
    readonly log: Logger;
    readonly toolVersion: string;
    readonly signal?: AbortSignal;
}

/**
 * A comparison recomputed after a project file was saved: only this machine's side is captured again, and
 * cheaply (its project files; its machine facts reused, its toolchains too unless `runtimes`); the other sides'
 * snapshots, their drift and the env hash key are the previous comparison's, so nothing remote is contacted.
 * Undefined when no side is this machine (nothing a project file changes).
 */
export async function refreshDiff(
    previous: DiffTargetsResult,
    options: RefreshDiffOptions,
): Promise<DiffTargetsResult | undefined> {
    const { hostSide, report } = previous;
    const host = hostSide === undefined ? undefined : previous.snapshots[hostSide];
    const root = host?.meta.projectRoot;
    if (hostSide === undefined || host === undefined || root === undefined) {
        return undefined;
    }
    const fresh = await captureHost(root, {
        toolVersion: options.toolVersion,
        log: options.log,
        reuse: { snapshot: host, runtimes: options.runtimes },
        ...(previous.envKey ? { envKey: previous.envKey } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    const snapshots: Partial<Record<DiffSide, Snapshot>> = { ...previous.snapshots, [hostSide]: fresh };
    const side = (name: DiffSide): CapturedSide | undefined => {
        const snapshot = snapshots[name];
        const target = name === 'via' ? report.via?.target : report[name].target;
        return snapshot && target !== undefined ? { target: parseDiffTarget(target), snapshot } : undefined;
    };
    const [from, to, via] = [side('from'), side('to'), side('via')];
    if (!from || !to) {
        return undefined;
    }
    const refreshed = await compareSides({
        from,
        to,
        ...(via ? { via } : {}),
        drift: previous.drift,
        ...(previous.projectRoot === undefined ? {} : { projectRoot: previous.projectRoot }),
        hostSide,
        ...(options.rules ? { rules: options.rules } : {}),
        log: options.log,
    });
    return {
        ...previous,
        report: refreshed,
        snapshots: { from: from.snapshot, to: to.snapshot, ...(via ? { via: via.snapshot } : {}) },
    };
}
