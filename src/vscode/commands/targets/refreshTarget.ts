import * as vscode from 'vscode';
import { isEngineTarget } from '../../../core/diff/DiffTarget';
import type { SavedTarget } from '../../../core/savedTargets/SavedTarget';
import { abortSignalFor } from '../../abortSignalFor';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { withHostKeyTrust } from '../../targets/withHostKeyTrust';
import { targetOfNode } from '../../views/TargetsTreeProvider';

/**
 * Refresh: from the view's title, re-reads the saved targets and pings every engine again; on a row (or a
 * click on a dead one: Retry), checks that target again — an unknown ssh host key is then asked about — and,
 * when it answers, captures a fresh snapshot of it (cancellable progress) as its "last snapshot".
 */
export async function refreshTarget(deps: ExtensionDeps, node?: unknown): Promise<void> {
    const saved = targetOfNode(node);
    if (!saved) {
        deps.targetsView.refresh(true);
        return;
    }
    const title = vscode.l10n.t('Parity: snapshot of the target {0}…', saved.name);
    try {
        const captured = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title, cancellable: true },
            async (_progress, token) => {
                const signal = abortSignalFor(token);
                return withHostKeyTrust(
                    () => captureSnapshot(deps, saved, signal),
                    () => deps.targetEngines.forget(isEngineTarget(saved.target) ? saved.target.engine : undefined),
                );
            },
        );
        if (captured) {
            await deps.targetSnapshots.save(saved, captured);
        }
    } catch (error) {
        if (!isAbortError(error)) {
            deps.log.warn(`Targets: ${saved.name}: ${error instanceof Error ? error.message : String(error)}`);
            const retry = vscode.l10n.t('Retry');
            void vscode.window
                .showErrorMessage(
                    vscode.l10n.t(
                        'Parity: the target {0} cannot be captured: {1}',
                        saved.name,
                        error instanceof Error ? error.message : String(error),
                    ),
                    retry,
                    vscode.l10n.t('Show Log'),
                )
                .then((choice) =>
                    choice === retry
                        ? vscode.commands.executeCommand('parity.targets.refresh', node)
                        : choice && deps.log.show(),
                );
        }
    } finally {
        // The row shows the new answer (reachable or why not) and the snapshot's age.
        await deps.targetReachability.recheck(saved);
        deps.targetsView.refresh();
    }
}

async function captureSnapshot(
    deps: ExtensionDeps,
    saved: SavedTarget,
    signal: AbortSignal,
): Promise<import('../../../core/snapshot/Snapshot').Snapshot> {
    const pipeline = await import('../../lazy/pipelineModule');
    const { target } = saved;
    if (target.kind === 'file') {
        return pipeline.readSnapshotFile(target.path, saved.text);
    }
    if (!isEngineTarget(target)) {
        throw new Error(vscode.l10n.t('{0} is not a target Parity captures', saved.text));
    }
    const client = await deps.targetEngines.client(target.engine);
    const { snapshot } = await pipeline.captureEngineTarget(client, target, {
        log: deps.log,
        toolVersion: deps.version,
        signal,
    });
    return snapshot;
}
