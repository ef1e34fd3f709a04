import type * as vscode from 'vscode';

/** Bridges VS Code cancellation to the AbortSignal the engine layer understands. */
export function abortSignalFor(token: vscode.CancellationToken): AbortSignal {
    const controller = new AbortController();
    if (token.isCancellationRequested) {
        controller.abort();
    } else {
        const subscription = token.onCancellationRequested(() => {
            subscription.dispose();
            controller.abort();
        });
    }
    return controller.signal;
}
