import * as vscode from 'vscode';
import type { DiffReport } from '../../core/diff/DiffReport';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import type { DiffTargetsResult } from '../../pipeline/diff/diffTargets';

/** One finished comparison: its report, the document showing it, and the snapshots behind it. */
export interface DiffRun {
    readonly report: DiffReport;
    /** The Parity Report document and its text (the text rendering). */
    readonly uri: vscode.Uri;
    readonly text: string;
    /** The folder fixes point into; undefined when no side was a project. */
    readonly folder?: vscode.Uri;
    readonly snapshots: { readonly from: Snapshot; readonly to: Snapshot; readonly via?: Snapshot };
    /** What recomputing it after a project file is saved needs (in memory only; the env key never leaves the window). */
    readonly captured?: Omit<DiffTargetsResult, 'report' | 'snapshots'>;
}

/**
 * The last comparison of this window, for what outlives the command: the status bar, Show Raw Snapshots,
 * the report's reopening. Sets the `parity.diff.hasReport` context key menus use.
 */
export class LastDiff implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<DiffRun>();
    readonly onDidChange = this.changed.event;
    private run: DiffRun | undefined;

    get current(): DiffRun | undefined {
        return this.run;
    }

    set(run: DiffRun): void {
        this.run = run;
        void vscode.commands.executeCommand('setContext', 'parity.diff.hasReport', true);
        this.changed.fire(run);
    }

    dispose(): void {
        this.changed.dispose();
    }
}
