import * as vscode from 'vscode';

/** VS Code's own command that opens the Workspace Trust editor. */
const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/**
 * Says why a command did nothing in Restricted Mode and offers the way out. Not awaited by the caller: the
 * command ends at once, whether or not the person answers.
 */
export function refuseInRestrictedMode(): void {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window
        .showWarningMessage(vscode.l10n.t('Parity runs nothing from this folder in Restricted Mode'), manage)
        .then((choice) => {
            if (choice === manage) {
                void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
            }
        });
}
