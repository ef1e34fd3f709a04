import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Log } from './createLog';

const SELECTOR = [{ language: 'dockerfile' }];

/**
 * Starts the Parity language server the first time a Dockerfile is open — not at activation — and owns it.
 * vscode-languageclient is loaded only then.
 */
export class DockerfileLanguageClient implements vscode.Disposable {
    private client: Promise<LanguageClient> | undefined;
    private readonly watcher: vscode.Disposable;

    constructor(private readonly serverModule: string, private readonly log: Log) {
        this.watcher = vscode.workspace.onDidOpenTextDocument((document) => this.startFor(document));
        for (const document of vscode.workspace.textDocuments) {
            this.startFor(document);
        }
    }

    private startFor(document: vscode.TextDocument): void {
        if (this.client || !vscode.languages.match(SELECTOR, document)) {
            return;
        }
        this.client = this.start();
        this.client.catch((error: unknown) => {
            this.log.error(error instanceof Error ? error : String(error));
            this.client = undefined;
        });
    }

    private async start(): Promise<LanguageClient> {
        const started = performance.now();
        const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
        const module = { module: this.serverModule, transport: TransportKind.ipc };
        const client = new LanguageClient('parity', 'Parity Language Server',
            { run: module, debug: { ...module, options: { execArgv: ['--nolazy', '--inspect=6019'] } } },
            { documentSelector: SELECTOR, outputChannelName: 'Parity Language Server' });
        await client.start();
        this.log.info(`Language server started in ${Math.round(performance.now() - started)} ms`);
        return client;
    }

    async dispose(): Promise<void> {
        this.watcher.dispose();
        const client = await this.client?.catch(() => undefined);
        await client?.stop();
    }
}
