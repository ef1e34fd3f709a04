import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { IMAGES_VIEW, imageTargets } from './imageTargets';

/** Parity: Inspect Image — the engine's full answer as a read-only JSON document. */
export async function inspectImage(deps: ExtensionDeps, node?: unknown): Promise<void> {
    const [row] = imageTargets(node, undefined);
    if (!row) {
        return;
    }
    const uri = await engineAction(deps, { viewId: IMAGES_VIEW, reload: false }, (_client, signal) =>
        deps.inspect.load(
            'image',
            row.id,
            row.dangling ? row.id.replace(/^sha256:/, '').slice(0, 12) : row.name,
            signal,
        ),
    );
    if (uri) {
        // The path ends in .json, so the document opens as JSON.
        await vscode.window.showTextDocument(uri, { preview: true });
    }
}
