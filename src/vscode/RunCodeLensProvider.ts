import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { findRunLenses } from '../core/lens/findRunLenses';
import { projectRootFor } from '../core/lens/projectRootFor';
import { MAX_TEXT_BYTES } from '../core/project/nodeProjectFiles';
import { readBoundedFileSync } from '../core/readBoundedFile';

/**
 * "▶ Run in Sandbox" (and "Build" on Dockerfiles) where an app starts: package.json start/dev/serve
 * scripts, the top of a Dockerfile, Procfile processes, Python's __main__ guard, Go's func main().
 * The lenses only name commands; nothing runs until one is clicked. Off with parity.codeLens.enabled, and
 * in Restricted Mode.
 */
export class RunCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeCodeLenses = this.changed.event;
    private readonly subscriptions = [
        vscode.workspace.onDidChangeConfiguration((event) => {
            if (event.affectsConfiguration('parity.codeLens.enabled')) {
                this.changed.fire();
            }
        }),
        // The lenses appear once the person trusts the folder, without reopening the file.
        vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];

    provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
        // Restricted Mode runs nothing from the folder, so nothing offers to.
        if (
            !vscode.workspace.isTrusted ||
            !vscode.workspace.getConfiguration('parity.codeLens', document.uri).get<boolean>('enabled', true) ||
            document.uri.scheme !== 'file'
        ) {
            return [];
        }
        const folder = projectFolderOf(document.uri);
        return findRunLenses(document.fileName, document.getText()).map((lens) => {
            const range = new vscode.Range(lens.line, 0, lens.line, 0);
            return lens.kind === 'build'
                ? new vscode.CodeLens(range, {
                      title: `$(tools) ${vscode.l10n.t('Build')}`,
                      command: 'parity.dockerfile.build',
                      arguments: [document.uri],
                      tooltip: vscode.l10n.t('Build this Dockerfile as it is, with live progress'),
                  })
                : lens.command !== undefined && lens.detail !== undefined && lens.detail !== 'web'
                  ? // A Procfile process other than web: the same image, that process's command.
                    new vscode.CodeLens(range, {
                        title: `$(play) ${vscode.l10n.t('Run {0} in Sandbox', lens.detail)}`,
                        command: 'parity.sandbox.run',
                        arguments: [folder, { process: lens.detail, command: lens.command }],
                        tooltip: vscode.l10n.t(
                            'Package {0} if its image is not current, then run `{1}` in it, locked down',
                            vscode.workspace.asRelativePath(folder),
                            lens.command,
                        ),
                    })
                  : new vscode.CodeLens(range, {
                        title: `$(play) ${vscode.l10n.t('Run in Sandbox')}`,
                        command: 'parity.sandbox.run',
                        arguments: [folder],
                        tooltip: vscode.l10n.t(
                            'Package {0} if its image is not current, then run it locked down, with the limits of the cloud',
                            vscode.workspace.asRelativePath(folder),
                        ),
                    });
        });
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.changed.dispose();
    }
}

/** The project folder a file belongs to (a monorepo's root for its packages). */
export function projectFolderOf(file: vscode.Uri): vscode.Uri {
    const workspace = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath ?? file.fsPath;
    const root = projectRootFor(file.fsPath, workspace, (folder, name) => {
        if (name === 'package.json#workspaces') {
            // Bounded and confined to the workspace: a package.json linking elsewhere (or to /dev/zero) is not read.
            const read = readBoundedFileSync(join(folder, 'package.json'), {
                maxBytes: MAX_TEXT_BYTES,
                within: workspace,
            });
            try {
                return read.kind === 'ok' && 'workspaces' in (JSON.parse(read.bytes.toString('utf8')) as object);
            } catch {
                return false;
            }
        }
        return existsSync(join(folder, name));
    });
    return vscode.Uri.file(root);
}
