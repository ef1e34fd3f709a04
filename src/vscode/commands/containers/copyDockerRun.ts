import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { CONTAINERS_VIEW, containerTargets } from './containerTargets';

/**
 * Parity: Copy docker run Command — the plain `docker run` that starts the same container as this sandbox, with
 * every hardening flag Parity set, onto the clipboard: leaving Parity keeps what it did. Variables go by name
 * only (their values come from the shell that runs it). Arguments: a sandbox row, or a name or ID. Returns the text.
 */
export async function copyDockerRun(deps: ExtensionDeps, node?: unknown): Promise<string | undefined> {
    const row = typeof node === 'string' ? { id: node, name: node } : containerTargets(node, undefined)[0];
    if (!row) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: pick a sandbox in the Containers view to copy its docker run command.'),
        );
        return undefined;
    }
    const command = await engineAction(deps, { viewId: CONTAINERS_VIEW, reload: false }, async (client, signal) => {
        const pipeline = await import('../../lazy/pipelineModule');
        return pipeline.sandboxDockerRun(client, row.id, signal);
    });
    if (!command) {
        return undefined;
    }
    await vscode.env.clipboard.writeText(command.text);
    const names = command.envNames.length;
    void vscode.window.showInformationMessage(
        names === 0
            ? vscode.l10n.t('Parity: the docker run command of {0} is on the clipboard.', row.name)
            : names === 1
              ? vscode.l10n.t(
                    'Parity: the docker run command of {0} is on the clipboard. Its variable {1} goes by name: set it in the shell that runs it.',
                    row.name,
                    command.envNames.join(', '),
                )
              : vscode.l10n.t(
                    'Parity: the docker run command of {0} is on the clipboard. Its {1} variables go by name: set them in the shell that runs it.',
                    row.name,
                    names,
                ),
    );
    return command.text;
}
