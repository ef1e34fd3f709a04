import * as vscode from 'vscode';
import type { EngineConnection } from '../EngineConnection';

export const INSPECT_SCHEME = 'parity-inspect';

export type InspectKind = 'container' | 'image';

/**
 * Read-only JSON documents holding what the engine answers to inspect (never a temp file). The command
 * fetches the answer, so its failure is reported like any engine error; a document VS Code restores after
 * a reload is fetched again here.
 */
export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly subscriptions: vscode.Disposable[];

    constructor(private readonly engine: EngineConnection) {
        this.subscriptions = [
            vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, this),
            // The text lives as long as its document.
            vscode.workspace.onDidCloseTextDocument((document) => {
                if (document.uri.scheme === INSPECT_SCHEME) {
                    this.contents.delete(document.uri.toString());
                }
            }),
        ];
    }

    /** Fetches the engine's answer for `id` and returns the document's URI, named after `name`. */
    async load(kind: InspectKind, id: string, name: string, signal: AbortSignal): Promise<vscode.Uri> {
        const uri = vscode.Uri.from({
            scheme: INSPECT_SCHEME,
            path: `/${kind}/${name.replace(/[/\\]/g, '_')}.json`,
            query: id,
        });
        this.contents.set(uri.toString(), await this.fetch(kind, id, signal));
        this.changed.fire(uri);
        return uri;
    }

    async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
        const known = this.contents.get(uri.toString());
        if (known !== undefined) {
            return known;
        }
        const kind: InspectKind = uri.path.startsWith('/image/') ? 'image' : 'container';
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
            return await this.fetch(kind, uri.query, controller.signal);
        } catch (error) {
            return `${JSON.stringify({ error: error instanceof Error ? error.message : String(error) }, null, 2)}\n`;
        } finally {
            subscription.dispose();
        }
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.changed.dispose();
        this.contents.clear();
    }

    private async fetch(kind: InspectKind, id: string, signal: AbortSignal): Promise<string> {
        const client = await this.engine.client();
        const details =
            kind === 'image' ? await client.inspectImage(id, signal) : await client.inspectContainer(id, signal);
        return `${JSON.stringify(details, null, 2)}\n`;
    }
}
