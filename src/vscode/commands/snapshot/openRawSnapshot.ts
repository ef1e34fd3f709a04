import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { SNAPSHOT_FILE, SUMMARY_SCHEME } from '../../snapshot/SnapshotSummaries';

/**
 * Parity: Open Raw Snapshot (JSON) — the `.parity/local.snapshot.json` behind a summary: from the summary's
 * CodeLens or title button (its URI), the active summary, or a folder.
 */
export async function openRawSnapshot(deps: ExtensionDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
    const summary =
        arg instanceof vscode.Uri && arg.scheme === SUMMARY_SCHEME
            ? arg
            : vscode.window.activeTextEditor?.document.uri.scheme === SUMMARY_SCHEME
              ? vscode.window.activeTextEditor.document.uri
              : undefined;
    const folder =
        (summary && deps.summaries.folderOf(summary)) ??
        (await pickWorkspaceFolder(
            arg instanceof vscode.Uri && arg.scheme !== SUMMARY_SCHEME ? arg : undefined,
            vscode.l10n.t('Open the snapshot of which folder?'),
        ));
    if (!folder) {
        return undefined;
    }
    const file = vscode.Uri.joinPath(folder, SNAPSHOT_FILE);
    try {
        await vscode.window.showTextDocument(file, { preview: false });
        return file;
    } catch {
        void vscode.window.showWarningMessage(
            vscode.l10n.t(
                'Parity: there is no {0} in {1} yet — run Snapshot Environment.',
                SNAPSHOT_FILE,
                folder.fsPath,
            ),
        );
        return undefined;
    }
}
