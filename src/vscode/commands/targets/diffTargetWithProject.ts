import * as vscode from 'vscode';
import { formatDiffTarget } from '../../../core/diff/DiffTarget';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { targetOfNode } from '../../views/TargetsTreeProvider';
import { type DiffCommandResult, diffWithTarget } from '../diff/diffWithTarget';

/**
 * Diff with This Project: Diff with Target with this machine (the workspace's project) as `from` and the
 * row's target as `to` — the same command, report and findings. The target's side of the comparison becomes
 * its last snapshot, so the row's age and facts follow.
 */
export async function diffTargetWithProject(
    deps: ExtensionDeps,
    node?: unknown,
): Promise<DiffCommandResult | undefined> {
    const saved = targetOfNode(node);
    if (!saved) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: pick a target in the Targets view to diff it with this project.'),
        );
        return undefined;
    }
    const result = await diffWithTarget(deps, { to: formatDiffTarget(saved.target) });
    const run = deps.lastDiff.current;
    if (result && run?.report === result.report) {
        await deps.targetSnapshots
            .save(saved, run.snapshots.to)
            .catch((error: unknown) =>
                deps.log.warn(
                    `Targets: the snapshot of ${saved.name} is not kept: ${error instanceof Error ? error.message : String(error)}`,
                ),
            );
        deps.targetsView.refresh();
    }
    return result;
}
