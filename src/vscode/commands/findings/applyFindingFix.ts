import * as vscode from 'vscode';
import { fixWorkspaceEdit } from '../../diff/fixWorkspaceEdit';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { fixNodeOf } from '../../views/fixNodeOf';

/**
 * Apply Fix, on a fix row of the Findings view: its line replaced in the editor's buffer (a WorkspaceEdit the
 * user can undo and saves), then shown. True when the line was changed.
 */
export async function applyFindingFix(deps: ExtensionDeps, node?: unknown): Promise<boolean> {
    const fix = fixNodeOf(node);
    const folder = fix?.shown.folder;
    if (!fix || !folder) {
        return false;
    }
    try {
        const change = await fixWorkspaceEdit(folder, fix.fix);
        if (!change) {
            void vscode.window.showInformationMessage(
                vscode.l10n.t(
                    'Parity: {0}:{1} already reads so, or the fix has no new line.',
                    fix.fix.at.file,
                    fix.fix.at.line,
                ),
            );
            return false;
        }
        const applied = await vscode.workspace.applyEdit(change.edit);
        await vscode.window.showTextDocument(change.uri, {
            selection: new vscode.Range(change.line, 0, change.line, 0),
            preview: false,
        });
        return applied;
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(
            vscode.l10n.t(
                'Parity: the fix was not applied: {0}',
                error instanceof Error ? error.message : String(error),
            ),
        );
        return false;
    }
}
