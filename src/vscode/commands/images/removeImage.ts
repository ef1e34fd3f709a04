import * as vscode from 'vscode';
import { imageInUse } from '../../../core/images/imageInUse';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { IMAGES_VIEW, imageTargets } from './imageTargets';

/**
 * Parity: Remove Image — after a confirmation. A tag is removed by name (the image goes with its last tag),
 * an untagged image by ID. An image a container still uses is refused with a message that names the container.
 */
export async function removeImage(deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const rows = imageTargets(node, selection);
    if (rows.length === 0) {
        return;
    }
    const remove = vscode.l10n.t('Remove');
    const [first] = rows;
    const question =
        rows.length === 1 && first
            ? vscode.l10n.t('Remove image {0}?', first.name)
            : vscode.l10n.t('Remove {0} images?', rows.length);
    const choice = await vscode.window.showWarningMessage(
        question,
        { modal: true, detail: rows.map((row) => row.name).join('\n') },
        remove,
    );
    if (choice !== remove) {
        return;
    }
    for (const row of rows) {
        const ref = row.dangling ? row.id : row.name;
        await engineAction(
            deps,
            {
                viewId: IMAGES_VIEW,
                explain: (error) => {
                    const use = error.statusCode === 409 ? imageInUse(error.message) : undefined;
                    return (
                        use &&
                        vscode.l10n.t(
                            'Cannot remove {0}: container {1} uses it. Remove the container first (Containers view), then the image.',
                            row.name,
                            use.container,
                        )
                    );
                },
            },
            (client, signal) => client.removeImage(ref, signal),
        );
    }
}
