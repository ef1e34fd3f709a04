import * as vscode from 'vscode';

export const SNAPSHOT_SCHEME = 'parity-snapshot';

/**
 * Read-only documents holding a snapshot as a person reads it, for the two sides of a diff (never a temp
 * file). The text lives as long as its document; one VS Code restores after a reload says how to get it back.
 */
export class SnapshotDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly contents = new Map<string, string>();
    private readonly subscriptions: vscode.Disposable[];

    constructor() {
        this.subscriptions = [
            vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, this),
            vscode.workspace.onDidCloseTextDocument((document) => {
                if (document.uri.scheme === SNAPSHOT_SCHEME) {
                    this.contents.delete(document.uri.toString());
                }
            }),
        ];
    }

    /** A document named `name` holding `text`; each call gets its own URI, so two diffs never share a side. */
    add(name: string, text: string): vscode.Uri {
        const uri = vscode.Uri.from({
            scheme: SNAPSHOT_SCHEME,
            path: `/${name.replace(/[/\\]/g, '_')}.txt`,
            query: String(Date.now() + this.contents.size),
        });
        this.contents.set(uri.toString(), text);
        return uri;
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return (
            this.contents.get(uri.toString()) ??
            vscode.l10n.t('This comparison is gone with the window that made it: run Diff with Target again.\n')
        );
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.contents.clear();
    }
}
