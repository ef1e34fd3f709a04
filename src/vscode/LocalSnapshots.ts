import * as vscode from 'vscode';
import type { Snapshot } from '../core/snapshot/Snapshot';

export interface LocalSnapshot {
    /** The project folder the snapshot was taken for. */
    readonly folder: vscode.Uri;
    readonly snapshot: Snapshot;
}

/** Snapshots of this machine as Snapshot Environment takes them, for whoever compares with them (the language server). */
export class LocalSnapshots implements vscode.Disposable {
    private readonly taken = new vscode.EventEmitter<LocalSnapshot>();
    readonly onDidTake = this.taken.event;

    add(taken: LocalSnapshot): void {
        this.taken.fire(taken);
    }

    dispose(): void {
        this.taken.dispose();
    }
}
