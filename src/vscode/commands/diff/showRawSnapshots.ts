import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../ExtensionDeps';

export interface RawSnapshotsResult {
    readonly left: vscode.Uri;
    readonly right: vscode.Uri;
}

/**
 * Parity: Show Raw Snapshots — the two snapshots of the last comparison, one line per fact, in VS Code's
 * diff editor: every line that differs, for when the report's findings are not enough.
 */
export async function showRawSnapshots(deps: ExtensionDeps): Promise<RawSnapshotsResult | undefined> {
    const run = deps.lastDiff.current;
    if (!run) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Parity: no comparison yet — run Parity: Diff with Target… first.'),
        );
        return undefined;
    }
    const pipeline = await import('../../lazy/pipelineModule');
    const { from, to } = run.report;
    const left = deps.snapshots.add(from.target, pipeline.formatSnapshotText(run.snapshots.from, []));
    const right = deps.snapshots.add(to.target, pipeline.formatSnapshotText(run.snapshots.to, []));
    await vscode.commands.executeCommand('vscode.diff', left, right, `${from.target} ↔ ${to.target}`, {
        preview: false,
    });
    return { left, right };
}
