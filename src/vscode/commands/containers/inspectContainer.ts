import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { engineAction } from '../engineAction';
import { CONTAINERS_VIEW, containerTargets } from './containerTargets';

/** Parity: Inspect Container — the engine's full answer as a read-only JSON document. */
export async function inspectContainer(deps: ExtensionDeps, node?: unknown): Promise<void> {
    const [row] = containerTargets(node, undefined);
    if (!row) {
        return;
    }
    const uri = await engineAction(deps, { viewId: CONTAINERS_VIEW, reload: false }, (_client, signal) =>
        deps.inspect.load('container', row.id, row.name, signal),
    );
    if (uri) {
        // The path ends in .json, so the document opens as JSON.
        await vscode.window.showTextDocument(uri, { preview: true });
    }
}
