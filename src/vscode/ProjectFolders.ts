import * as vscode from 'vscode';
import { NOT_PROJECT_GLOB, PROJECT_MARKER_GLOB, projectFolders } from '../core/project/projectFolders';

/** The context key the Explorer menu items test (`resourcePath in parity.projectFolders`). */
export const PROJECT_FOLDERS_KEY = 'parity.projectFolders';

/** More marker files than this in one window and the search stops: the menu then covers the first ones found. */
const MAX_MARKERS = 2000;

/**
 * The folders of this window that hold a project (a package.json, go.mod, Dockerfile … outside node_modules,
 * .parity and build output), kept in a context key so the Explorer offers Parity's commands on those folders
 * only. Found by one file search after activation (never awaited there) and again when a marker file is
 * created or deleted or the workspace folders change.
 */
export class ProjectFolders implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
    /** Fires after each search with the folders found. */
    readonly onDidChange = this.changed.event;
    private readonly subscriptions: vscode.Disposable[];
    private folders: readonly vscode.Uri[] = [];
    private searching: Promise<void> | undefined;
    private again = false;

    constructor() {
        const watcher = vscode.workspace.createFileSystemWatcher(PROJECT_MARKER_GLOB, false, true, false);
        this.subscriptions = [
            watcher,
            watcher.onDidCreate(() => void this.search()),
            watcher.onDidDelete(() => void this.search()),
            vscode.workspace.onDidChangeWorkspaceFolders(() => void this.search()),
        ];
    }

    /** The folders of the last search. */
    get current(): readonly vscode.Uri[] {
        return this.folders;
    }

    /** Searches now (or once more after the search under way); never rejects. */
    search(): Promise<void> {
        if (this.searching) {
            this.again = true;
            return this.searching;
        }
        this.searching = this.find().finally(() => {
            this.searching = undefined;
            if (this.again) {
                this.again = false;
                void this.search();
            }
        });
        return this.searching;
    }

    dispose(): void {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        this.changed.dispose();
    }

    private async find(): Promise<void> {
        const markers = await Promise.resolve(
            vscode.workspace.findFiles(PROJECT_MARKER_GLOB, NOT_PROJECT_GLOB, MAX_MARKERS),
        ).catch((): vscode.Uri[] => []);
        // Grouped by scheme and authority so a folder keeps where it lives; the pure part sees paths only.
        const byRoot = new Map<string, vscode.Uri[]>();
        for (const marker of markers) {
            const root = marker.with({ path: '/' }).toString();
            byRoot.set(root, [...(byRoot.get(root) ?? []), marker]);
        }
        this.folders = [...byRoot.values()].flatMap((uris) => {
            const [first] = uris;
            return first ? projectFolders(uris.map((uri) => uri.path)).map((path) => first.with({ path })) : [];
        });
        // resourcePath is the fsPath of a local file and the URI's path in a remote window (vscode-remote:): both.
        await vscode.commands.executeCommand('setContext', PROJECT_FOLDERS_KEY, [
            ...new Set(this.folders.flatMap((folder) => [folder.fsPath, folder.path])),
        ]);
        this.changed.fire(this.folders);
    }
}
