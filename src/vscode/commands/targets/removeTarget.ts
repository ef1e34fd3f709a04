import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { targetOfNode } from '../../views/TargetsTreeProvider';
import { openTargetsConfig } from './openTargetsConfig';

/**
 * Remove: asks first, then takes the entry out of the parity.targets setting it came from (the workspace's
 * or the user's). A target from .parity/config.json is the team's: Parity does not edit that file, it says
 * so and offers to open it.
 */
export async function removeTarget(deps: ExtensionDeps, node?: unknown): Promise<boolean> {
    const saved = targetOfNode(node);
    if (!saved) {
        return false;
    }
    if (saved.origin.kind === 'config-file') {
        const open = vscode.l10n.t('Open {0}', saved.origin.file);
        const choice = await vscode.window.showInformationMessage(
            vscode.l10n.t(
                "{0} comes from {1}, the team's file in the repository: remove it there, so everyone's list changes.",
                saved.name,
                saved.origin.file,
            ),
            open,
        );
        if (choice === open) {
            await openTargetsConfig(deps, saved.origin.file);
        }
        return false;
    }
    const remove = vscode.l10n.t('Remove');
    const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove the target {0} ({1})?', saved.name, saved.text),
        {
            modal: true,
            detail: vscode.l10n.t(
                'It leaves the {0} setting parity.targets. Nothing on the engine changes.',
                saved.origin.kind === 'workspace-settings' ? vscode.l10n.t('workspace') : vscode.l10n.t('user'),
            ),
        },
        remove,
    );
    if (answer !== remove) {
        return false;
    }
    const config = vscode.workspace.getConfiguration('parity');
    const where = config.inspect<unknown[]>('targets');
    const workspace = saved.origin.kind === 'workspace-settings';
    const current = (workspace ? where?.workspaceValue : where?.globalValue) ?? [];
    const kept = (Array.isArray(current) ? current : []).filter(
        (entry) =>
            !(
                typeof entry === 'object' &&
                entry !== null &&
                (entry as { name?: unknown }).name !== undefined &&
                String((entry as { name: unknown }).name).trim() === saved.name
            ),
    );
    await config.update(
        'targets',
        kept.length > 0 ? kept : undefined,
        workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global,
    );
    deps.log.info(`Targets: removed ${saved.name} (${saved.text})`);
    deps.targetsView.refresh();
    return true;
}
