import * as vscode from 'vscode';
import { projectImageName } from '../../pipeline/imageTagFor';

/**
 * Rows that lead a newcomer to the next step when a view holds nothing of the open project's yet: the
 * Containers view without its sandbox offers Run in Sandbox, the Images view without its Parity build offers
 * Package App. Only in a trusted window with a folder open (the commands refuse otherwise), and only while a
 * folder lacks it; a single folder is named and passed.
 */
export function runInSandboxLeadOn(sandboxProjects: readonly (string | undefined)[]): vscode.TreeItem | undefined {
    const running = new Set(sandboxProjects);
    return leadOn(
        (folder) => running.has(folder.fsPath),
        'parity.sandbox.run',
        'play',
        (name) => vscode.l10n.t('Run {0} in a sandbox…', name),
        vscode.l10n.t('Run in Sandbox…'),
        vscode.l10n.t(
            'No Parity sandbox of this project yet: Run in Sandbox packages the project if needed and runs it locked down, its port on localhost.',
        ),
    );
}

/** `parityRepositories`: the names of the repositories that hold a Parity build (`<folder>-<hash>`, see imageTagFor). */
export function packageAppLeadOn(parityRepositories: readonly string[]): vscode.TreeItem | undefined {
    const built = new Set(parityRepositories);
    return leadOn(
        (folder) => built.has(projectImageName(folder.fsPath)),
        'parity.app.package',
        'package',
        (name) => vscode.l10n.t('Package {0}…', name),
        vscode.l10n.t('Package App…'),
        vscode.l10n.t(
            'No image of this project built by Parity yet: Package App plans an image pinned to what the app runs on here, writes its Dockerfile and builds it.',
        ),
    );
}

function leadOn(
    has: (folder: vscode.Uri) => boolean,
    command: string,
    icon: string,
    named: (name: string) => string,
    unnamed: string,
    tooltip: string,
): vscode.TreeItem | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (
        folders.length === 0 ||
        !vscode.workspace.isTrusted ||
        folders.every((folder) => folder.uri.scheme !== 'file' || has(folder.uri))
    ) {
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
