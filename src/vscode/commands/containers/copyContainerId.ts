import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { containerTargets } from './containerTargets';

/** Parity: Copy Container ID — the full ID (one per line for a multiple selection). */
export async function copyContainerId(_deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const ids = containerTargets(node, selection).map((row) => row.id);
    if (ids.length > 0) {
        await vscode.env.clipboard.writeText(ids.join('\n'));
    }
}
