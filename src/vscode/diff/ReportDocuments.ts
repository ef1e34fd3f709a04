import * as vscode from 'vscode';

/** The scheme of Parity Report documents; the path ends in `.parity-report`, which gives them their language. */
export const REPORT_SCHEME = 'parity-report';

/**
 * Read-only Parity Report documents (the text rendering of a DiffReport), one per comparison. The text lives
 * as long as its document; one VS Code restores after a reload says how to get it back.
 */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly subscriptions: vscode.Disposable[];
    private made = 0;

    constructor() {
        this.subscriptions = [
            vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
            vscode.workspace.onDidCloseTextDocument((document) => {
                if (document.uri.scheme === REPORT_SCHEME) {
                    this.contents.delete(document.uri.toString());
                }
            }),
        ];
    }

    /** A new document titled `title` holding `text`; each comparison gets its own URI. */
    add(title: string, text: string): vscode.Uri {
        this.made += 1;
        const name = title.replace(/[/\\]+/g, '_').slice(0, 120);
        const uri = vscode.Uri.from({
            scheme: REPORT_SCHEME,
            path: `/${name}.parity-report`,
            query: `${Date.now()}-${this.made}`,
        });
        this.contents.set(uri.toString(), text);
        return uri;
    }

    /** The report a comparison recomputed after a save: its open document shows the new text. */
    update(uri: vscode.Uri, text: string): void {
        if (this.contents.has(uri.toString())) {
            this.contents.set(uri.toString(), text);
            this.changed.fire(uri);
        }
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return (
            this.contents.get(uri.toString()) ??
            vscode.l10n.t('This report is gone with the window that made it: run Parity: Diff with Target… again.\n')
        );
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.contents.clear();
        this.changed.dispose();
    }
}
