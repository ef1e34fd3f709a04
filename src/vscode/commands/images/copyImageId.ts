import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { imageTargets } from './imageTargets';

/** Parity: Copy Image ID — the full `sha256:…` ID (one per line for a multiple selection). */
export async function copyImageId(_deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const ids = [...new Set(imageTargets(node, selection).map((row) => row.id))];
    if (ids.length > 0) {
        await vscode.env.clipboard.writeText(ids.join('\n'));
    }
}
