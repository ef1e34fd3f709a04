import * as vscode from 'vscode';

/**
 * Rows that lead a newcomer to the next step when a view holds nothing of Parity's yet: the Containers view
 * without a sandbox offers Run in Sandbox, the Images view without a Parity build offers Package App. Only in
 * a trusted window with a folder open (the commands refuse otherwise); a single folder is named and passed.
 */
export function runInSandboxLeadOn(hasSandbox: boolean): vscode.TreeItem | undefined {
    return hasSandbox ? undefined : leadOn('parity.sandbox.run', 'play', (name) => vscode.l10n.t('Run {0} in a sandbox…', name), vscode.l10n.t('Run in Sandbox…'),
        vscode.l10n.t('No Parity sandbox yet: Run in Sandbox packages the project if needed and runs it locked down, its port on localhost.'));
}

export function packageAppLeadOn(hasParityBuild: boolean): vscode.TreeItem | undefined {
    return hasParityBuild ? undefined : leadOn('parity.app.package', 'package', (name) => vscode.l10n.t('Package {0}…', name), vscode.l10n.t('Package App…'),
        vscode.l10n.t('No image built by Parity yet: Package App plans an image pinned to what the app runs on here, writes its Dockerfile and builds it.'));
}

function leadOn(command: string, icon: string, named: (name: string) => string, unnamed: string, tooltip: string): vscode.TreeItem | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0 || !vscode.workspace.isTrusted) {
        return undefined;
    }
    const only = folders.length === 1 ? folders[0] : undefined;
    const item = new vscode.TreeItem(only ? named(only.name) : unnamed);
    item.id = `leadOn:${command}`;
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor('textLink.foreground'));
    item.tooltip = tooltip;
    item.contextValue = 'leadOn';
    item.command = { command, title: unnamed, arguments: only ? [only.uri] : [] };
    return item;
}
