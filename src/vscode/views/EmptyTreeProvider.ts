import type * as vscode from 'vscode';

/** A view with no rows yet, so VS Code shows its welcome content (package.json#viewsWelcome). */
export class EmptyTreeProvider implements vscode.TreeDataProvider<never> {
    getTreeItem(node: never): vscode.TreeItem {
        return node;
    }

    getChildren(): never[] {
        return [];
    }
}
