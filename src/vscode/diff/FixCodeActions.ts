import * as vscode from 'vscode';
import type { Log } from '../createLog';
import type { DiffDiagnostics } from './DiffDiagnostics';
import { fixTitle } from './fixTitle';
import { fixWorkspaceEdit } from './fixWorkspaceEdit';

/** Quick fixes for the last diff's diagnostics: each fix that knows its new line, as a WorkspaceEdit. */
export class FixCodeActions implements vscode.CodeActionProvider {
    static readonly metadata: vscode.CodeActionProviderMetadata = {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    };

    constructor(
        private readonly diagnostics: DiffDiagnostics,
        private readonly log: Log,
    ) {}

    async provideCodeActions(
        document: vscode.TextDocument,
        range: vscode.Range | vscode.Selection,
    ): Promise<vscode.CodeAction[]> {
        const placed = this.diagnostics
            .fixesAt(document.uri, range)
            .filter((entry) => entry.fix.replaceLineWith !== undefined);
        const actions: vscode.CodeAction[] = [];
        for (const entry of placed) {
            try {
                const change = await fixWorkspaceEdit(entry.folder, entry.fix, document);
                if (change) {
                    const action = new vscode.CodeAction(fixTitle(entry.fix), vscode.CodeActionKind.QuickFix);
                    action.edit = change.edit;
                    action.diagnostics = [entry.diagnostic];
                    action.isPreferred = placed.length === 1;
                    actions.push(action);
                }
            } catch (error) {
                // A link out of the project or a file that is not regular: no quick fix, and the log says why.
                this.log.warn(
                    `No quick fix for ${entry.fix.at.file}:${entry.fix.at.line}: ${error instanceof Error ? error.message : String(error)}`,
                );
            }
        }
        return actions;
    }
}
