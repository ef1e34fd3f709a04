import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { CONFIG_FILE } from '../../targets/readSavedTargets';

/** Opens a folder's .parity/config.json (`file` as the Targets view names it: `.parity/config.json` or `FOLDER/.parity/config.json`). */
export async function openTargetsConfig(deps: ExtensionDeps, file?: unknown): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const name = typeof file === 'string' ? file : CONFIG_FILE;
    const folder = folders.find((candidate) => name === `${candidate.name}/${CONFIG_FILE}`) ?? folders[0];
    if (!folder) {
        return;
    }
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    try {
        await vscode.window.showTextDocument(uri);
    } catch (error) {
        deps.log.warn(`Targets: cannot open ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
