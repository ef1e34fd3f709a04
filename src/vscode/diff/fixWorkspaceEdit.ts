import * as vscode from 'vscode';
import type { FindingFix } from '../../core/findings/Finding';
import { checkProjectFile } from '../../core/writeProjectFile';
import { lineEditForFix } from './lineEditForFix';
import { projectFileUri } from './projectFileUri';

/** A fix ready to apply to the user's editor buffer. */
export interface FixEdit {
    readonly uri: vscode.Uri;
    readonly line: number;
    readonly edit: vscode.WorkspaceEdit;
}

/**
 * The WorkspaceEdit that applies `fix` (its line replaced by `replaceLineWith`) to the file in `folder`:
 * through the editor's buffer, so it can be undone and is saved by the user. Undefined when the fix has no
 * new line or the line already reads so. Throws ProjectPathError when the file is reached through a
 * symbolic link or is not a regular file inside the project: Parity never edits outside it.
 */
export async function fixWorkspaceEdit(
    folder: vscode.Uri,
    fix: FindingFix,
    document?: vscode.TextDocument,
): Promise<FixEdit | undefined> {
    const uri = projectFileUri(folder, fix.at.file);
    if (uri === undefined || fix.replaceLineWith === undefined) {
        return undefined;
    }
    await checkProjectFile(folder.fsPath, fix.at.file);
    const text = document ?? (await vscode.workspace.openTextDocument(uri));
    const lines = Array.from({ length: text.lineCount }, (_, index) => text.lineAt(index).text);
    const change = lineEditForFix(fix, lines);
    if (change === undefined) {
        return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(change.line, 0, change.line, change.length), change.newText);
    return { uri, line: change.line, edit };
}
