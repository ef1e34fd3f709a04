import * as vscode from 'vscode';

export const PROPOSED_SCHEME = 'parity-proposed';

/** Read-only documents holding what Parity proposes to write, so a diff can show it next to the user's file. */
export class ProposedContent implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, this);

    /** A URI that shows `content` under the same file name as `target`. */
    set(target: vscode.Uri, content: string): vscode.Uri {
        const uri = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: target.path });
        this.contents.set(uri.toString(), content);
        this.changed.fire(uri);
        return uri;
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.contents.get(uri.toString()) ?? '';
    }

    dispose(): void {
        this.registration.dispose();
        this.changed.dispose();
    }
}
