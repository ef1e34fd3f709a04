import * as vscode from 'vscode';
import { formatBytes } from '../../../core/formatBytes';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';

export interface PruneOutcome {
    /** What was found: stopped sandboxes and untagged Parity builds. */
    readonly found: { readonly sandboxes: number; readonly images: number; readonly bytes: number };
    /** How many were removed; undefined when the user said no (or there was nothing). */
    readonly removed?: number;
}

/**
 * Parity: Prune Parity's Leftovers… — finds what Parity left on the engine (stopped sandboxes, builds whose tag
 * moved on to a newer one), says how many and how much, and removes exactly those after a modal confirmation.
 * Nothing that is not Parity's is ever in the list.
 */
export async function pruneLeftovers(deps: ExtensionDeps): Promise<PruneOutcome | undefined> {
    const pipeline = await import('../../lazy/pipelineModule');
    const leftovers = await engineAction(deps, { viewId: 'parity.containers', reload: false }, (client, signal) =>
        pipeline.findParityLeftovers(client, {}, signal),
    );
    if (!leftovers) {
        return undefined;
    }
    const found = { sandboxes: leftovers.sandboxes.length, images: leftovers.images.length, bytes: leftovers.bytes };
    if (leftovers.count === 0) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Parity: nothing to prune — no stopped sandboxes and no untagged Parity builds.'),
        );
        return { found };
    }
    const parts = [
        ...(found.sandboxes === 0
            ? []
            : [
                  found.sandboxes === 1
                      ? vscode.l10n.t('1 stopped sandbox')
                      : vscode.l10n.t('{0} stopped sandboxes', found.sandboxes),
              ]),
        ...(found.images === 0
            ? []
            : [
                  found.images === 1
                      ? vscode.l10n.t('1 untagged Parity build ({0})', formatBytes(found.bytes))
                      : vscode.l10n.t('{0} untagged Parity builds (up to {1})', found.images, formatBytes(found.bytes)),
              ]),
    ];
    const remove = vscode.l10n.t('Remove');
    const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t("Remove Parity's leftovers: {0}?", parts.join(vscode.l10n.t(' and '))),
        {
            modal: true,
            detail: vscode.l10n.t(
                "Only what Parity made and no longer uses. Tagged images, running sandboxes and everything that is not Parity's stay.",
            ),
        },
        remove,
    );
    if (choice !== remove) {
        return { found };
    }
    const result = await engineAction(deps, { viewId: 'parity.containers' }, (client, signal) =>
        pipeline.removeParityLeftovers(client, leftovers, signal),
    );
    deps.engineViews.forEach((view) => view.refresh());
    if (!result) {
        return { found };
    }
    deps.log.info(
        `Prune: removed ${result.removed} of ${leftovers.count}${result.failed.map((failure) => `\n  not removed: ${failure.what}: ${failure.message}`).join('')}`,
    );
    const message = vscode.l10n.t(
        'Parity: removed {0} of {1} leftovers, freeing up to {2}.',
        result.removed,
        leftovers.count,
        formatBytes(result.bytes),
    );
    if (result.failed.length > 0) {
        void vscode.window
            .showWarningMessage(
                `${message} ${vscode.l10n.t('{0} could not be removed — see the log.', result.failed.length)}`,
                vscode.l10n.t('Show Log'),
            )
            .then((pick) => pick && deps.log.show());
    } else {
        void vscode.window.showInformationMessage(message);
    }
    return { found, removed: result.removed };
}
