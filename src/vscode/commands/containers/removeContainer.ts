import * as vscode from 'vscode';
import { isLive } from '../../../core/containers/containerRows';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { CONTAINERS_VIEW, containerTargets } from './containerTargets';
import { stopSandboxRow } from './stopSandboxRow';

/** Parity: Remove Container — a stopped one at once; a running one (killed first) after a confirmation. */
export async function removeContainer(deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const rows = containerTargets(node, selection);
    const live = rows.filter((row) => isLive(row.state));
    if (live.length > 0) {
        const remove = vscode.l10n.t('Remove');
        const [first] = live;
        const question =
            live.length === 1 && first
                ? vscode.l10n.t('{0} is running. Stop and remove it?', first.name)
                : vscode.l10n.t('{0} containers are running. Stop and remove them?', live.length);
        const choice = await vscode.window.showWarningMessage(
            question,
            { modal: true, detail: live.map((row) => `${row.name} (${row.image})`).join('\n') },
            remove,
        );
        if (choice !== remove) {
            return;
        }
    }
    await Promise.all(
        rows.map((row) =>
            row.sandbox && isLive(row.state)
                ? stopSandboxRow(deps, row)
                : engineAction(deps, { viewId: CONTAINERS_VIEW }, (client, signal) =>
                      client.removeContainer(row.id, { force: isLive(row.state), signal }),
                  ),
        ),
    );
}
