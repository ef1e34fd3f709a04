import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { showError } from '../engineAction';
import { containerTargets } from './containerTargets';
import { ContainerShell } from './ContainerShell';

/**
 * Parity: Attach Shell — a terminal with a shell in a running container (bash when the image has it, else sh),
 * through the Engine API: no docker CLI needed, and it works on whichever engine Parity talks to. Arguments: a
 * Containers row, or a container's name or ID (automation). Returns the terminal.
 */
export async function attachShell(deps: ExtensionDeps, node?: unknown): Promise<vscode.Terminal | undefined> {
    const row =
        typeof node === 'string' ? { id: node, name: node, state: 'running' } : containerTargets(node, undefined)[0];
    if (!row) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: pick a running container in the Containers view to attach a shell to it.'),
        );
        return undefined;
    }
    if (row.state !== 'running') {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: {0} is {1}: a shell needs a running container.', row.name, row.state),
        );
        return undefined;
    }
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const client = await deps.engine.client();
        const terminal = vscode.window.createTerminal({
            name: vscode.l10n.t('Parity: shell in {0}', row.name),
            pty: new ContainerShell(pipeline, client, row, deps.log),
            iconPath: new vscode.ThemeIcon('terminal'),
        });
        terminal.show();
        return terminal;
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        showError(deps, error instanceof Error ? error.message : String(error));
        return undefined;
    }
}
