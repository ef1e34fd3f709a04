import * as vscode from 'vscode';

/**
 * A view's data as the extension's shell hands it to VS Code at activation: it loads the real provider the
 * first time VS Code asks for rows (the view is on screen) and passes every call on to it, its change events
 * included. Once loaded, calls go straight through: no promise per row.
 */
export class LazyTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
    readonly onDidChangeTreeData = this.changed.event;
    private loading: Promise<vscode.TreeDataProvider<T>> | undefined;
    private real: vscode.TreeDataProvider<T> | undefined;
    private forwarding: vscode.Disposable | undefined;

    constructor(private readonly load: () => Promise<vscode.TreeDataProvider<T>>) {}

    async getChildren(element?: T): Promise<T[] | null | undefined> {
        return (await this.provider()).getChildren(element);
    }

    getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
        // VS Code has an element only from getChildren, so the provider is loaded by now.
        return this.real ? this.real.getTreeItem(element) : this.provider().then((real) => real.getTreeItem(element));
    }

    async getParent(element: T): Promise<T | undefined | null> {
        return (await this.provider()).getParent?.(element);
    }

    async resolveTreeItem(
        item: vscode.TreeItem,
        element: T,
        token: vscode.CancellationToken,
    ): Promise<vscode.TreeItem> {
        return (await (await this.provider()).resolveTreeItem?.(item, element, token)) ?? item;
    }

    dispose(): void {
        this.forwarding?.dispose();
        this.changed.dispose();
    }

    private provider(): Promise<vscode.TreeDataProvider<T>> {
        this.loading ??= this.load().then((real) => {
            this.real = real;
            this.forwarding = real.onDidChangeTreeData?.((change) => this.changed.fire(change));
            return real;
        });
        return this.loading;
    }
}
