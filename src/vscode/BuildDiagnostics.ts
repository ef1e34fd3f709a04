import * as vscode from 'vscode';

/** A failed build step as a Problems entry on its Dockerfile line, with the step's last output. */
export class BuildDiagnostics implements vscode.Disposable {
    private readonly collection = vscode.languages.createDiagnosticCollection('parity-build');

    show(dockerfile: vscode.Uri, line: number | undefined, message: string, logTail: readonly string[]): void {
        const row = Math.max(0, (line ?? 1) - 1);
        const text = logTail.length > 0 ? `${message}\n${logTail.slice(-10).join('\n')}` : message;
        const diagnostic = new vscode.Diagnostic(
            new vscode.Range(row, 0, row, Number.MAX_SAFE_INTEGER),
            text,
            vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'parity build';
        this.collection.set(dockerfile, [diagnostic]);
    }

    clear(dockerfile: vscode.Uri): void {
        this.collection.delete(dockerfile);
    }

    dispose(): void {
        this.collection.dispose();
    }
}
