import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { imageTargets } from './imageTargets';

/** Parity: Copy Image Name — `repository:tag` (one per line for a multiple selection). */
export async function copyImageName(_deps: ExtensionDeps, node?: unknown, selection?: unknown): Promise<void> {
    const names = imageTargets(node, selection)
        .filter((row) => !row.dangling)
        .map((row) => row.name);
    if (names.length > 0) {
        await vscode.env.clipboard.writeText(names.join('\n'));
    }
}
