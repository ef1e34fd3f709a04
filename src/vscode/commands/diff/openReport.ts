import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';

/** Parity: Open Last Report — the status bar item's click: the last comparison's Parity Report. */
export async function openReport(deps: ExtensionDeps): Promise<vscode.Uri | undefined> {
    const run = deps.lastDiff.current;
    if (!run) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Parity: no comparison yet — run Parity: Diff with Target… first.'),
        );
        return undefined;
    }
    await vscode.window.showTextDocument(run.uri, { preview: false });
    return run.uri;
}
