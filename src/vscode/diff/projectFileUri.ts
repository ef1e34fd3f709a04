import { isAbsolute, normalize, sep } from 'node:path';
import * as vscode from 'vscode';

/**
 * The Uri of `file` (a path a finding's fix names) inside `folder`; undefined when the path leaves the
 * folder — a fix is never shown or applied outside the project.
 */
export function projectFileUri(folder: vscode.Uri, file: string): vscode.Uri | undefined {
    const relative = normalize(file);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`) || relative === '.') {
        return undefined;
    }
    return vscode.Uri.joinPath(folder, ...relative.split(sep));
}
