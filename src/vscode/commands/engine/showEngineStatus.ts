import * as vscode from 'vscode';
import { formatEngineStatus, summarizeEngineStatus, type EngineStatus } from '../../../core/EngineStatus';
import { isEngineError } from '../../../engine/EngineError';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { abortSignalFor } from '../../abortSignalFor';

/**
 * Parity: Show Engine Status — connects, writes the full status to the log, shows a summary.
 * Returns the status (undefined on failure) so tests and other commands can use it.
 */
export async function showEngineStatus(deps: ExtensionDeps): Promise<EngineStatus | undefined> {
    try {
        const status = await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: vscode.l10n.t('Parity: connecting to Docker…'),
                cancellable: true,
            },
            (_progress, token) => deps.engine.checkStatus(abortSignalFor(token)),
        );
        deps.log.info(`Engine status\n${formatEngineStatus(status).join('\n')}`);
        void vscode.window
            .showInformationMessage(summarizeEngineStatus(status), vscode.l10n.t('Show Log'))
            .then((choice) => {
                if (choice) {
                    deps.log.show();
                }
            });
        return status;
    } catch (error) {
        const message = isEngineError(error) ? error.message : String(error);
        deps.log.error(error instanceof Error ? error : message);
        if (isEngineError(error) && error.kind === 'cancelled') {
            return undefined;
        }
        const retry = vscode.l10n.t('Retry');
        const showLog = vscode.l10n.t('Show Log');
        void vscode.window.showErrorMessage(message, retry, showLog).then((choice) => {
            if (choice === retry) {
                void vscode.commands.executeCommand('parity.engine.showStatus');
            } else if (choice === showLog) {
                deps.log.show();
            }
        });
        return undefined;
    }
}
