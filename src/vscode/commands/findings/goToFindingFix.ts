import * as vscode from 'vscode';
import { projectFileUri } from '../../diff/projectFileUri';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { fixNodeOf } from '../../views/fixNodeOf';

/** Go to Fix Location, on a fix row: the line the fix changes. */
export async function goToFindingFix(_deps: ExtensionDeps, node?: unknown): Promise<void> {
    const fix = fixNodeOf(node);
    const folder = fix?.shown.folder;
    if (!fix || !folder) {
        return;
    }
    const uri = projectFileUri(folder, fix.fix.at.file);
    if (!uri) {
        return;
    }
    const line = Math.max(0, fix.fix.at.line - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), preview: false });
}
