import * as vscode from 'vscode';

/**
 * The Run in Sandbox lenses as the extension's shell registers them at activation: the real provider is
 * loaded when VS Code first asks for lenses, and its change events are passed on.
 */
export class LazyCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeCodeLenses = this.changed.event;
    private loading: Promise<vscode.CodeLensProvider> | undefined;
    private forwarding: vscode.Disposable | undefined;

    constructor(private readonly load: () => Promise<vscode.CodeLensProvider>) {}

    async provideCodeLenses(
        document: vscode.TextDocument,
        token: vscode.CancellationToken,
    ): Promise<vscode.CodeLens[]> {
        return (await (await this.provider()).provideCodeLenses(document, token)) ?? [];
    }

    dispose(): void {
        this.forwarding?.dispose();
        this.changed.dispose();
    }

    private provider(): Promise<vscode.CodeLensProvider> {
        this.loading ??= this.load().then((real) => {
            this.forwarding = real.onDidChangeCodeLenses?.(() => this.changed.fire());
            return real;
        });
        return this.loading;
    }
}
