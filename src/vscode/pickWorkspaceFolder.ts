import * as vscode from 'vscode';

/**
 * The folder a command works on: the one given (explorer context menu), the only one open, or the user's
 * pick among several (multi-root). Undefined when there is none or the user dismissed the pick.
 */
export async function pickWorkspaceFolder(given: unknown, title: string): Promise<vscode.Uri | undefined> {
    if (given instanceof vscode.Uri) {
        return given;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
        void vscode.window.showWarningMessage(
            vscode.l10n.t('Parity: open a folder first — there is no project to work on.'),
        );
        return undefined;
    }
    if (folders.length === 1) {
        return folders[0]?.uri;
    }
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: title });
    return picked?.uri;
}
