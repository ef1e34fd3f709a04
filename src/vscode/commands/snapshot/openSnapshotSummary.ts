import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { SNAPSHOT_FILE } from '../../snapshot/SnapshotSummaries';

/**
 * Parity: Open Snapshot Summary — the readable summary of the snapshot saved in a folder
 * (`.parity/local.snapshot.json`), with its findings, without taking a new one.
 */
export async function openSnapshotSummary(deps: ExtensionDeps, folderArg?: unknown): Promise<vscode.Uri | undefined> {
    const folder = await pickWorkspaceFolder(folderArg, vscode.l10n.t('Open the snapshot of which folder?'));
    if (!folder) {
        return undefined;
    }
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const snapshot = await pipeline.readSnapshotFile(
            vscode.Uri.joinPath(folder, SNAPSHOT_FILE).fsPath,
            SNAPSHOT_FILE,
        );
        return await deps.summaries.show(
            folder,
            pipeline.formatSnapshotText(snapshot, pipeline.reconcileRuntimes(snapshot.runtimes)),
        );
    } catch (error) {
        deps.log.warn(error instanceof Error ? error.message : String(error));
        void vscode.window.showWarningMessage(
            vscode.l10n.t(
                'Parity: cannot show the snapshot of {0}: {1}',
                folder.fsPath,
                error instanceof Error ? error.message : String(error),
            ),
        );
        return undefined;
    }
}
