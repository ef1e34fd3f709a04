import * as vscode from 'vscode';
import { PARITY_DOCUMENT_SELECTOR } from './core/lsp/parityProtocol';
import { openWalkthroughOnce } from './vscode/FirstRunWalkthrough';
import { LazyCodeLensProvider } from './vscode/lazy/LazyCodeLensProvider';
import { LazyTreeProvider } from './vscode/lazy/LazyTreeProvider';
import type { ShellViews, Workbench } from './vscode/lazy/workbenchModule';
import { ProjectFolders } from './vscode/ProjectFolders';
import { RUN_LENS_SELECTOR } from './vscode/RUN_LENS_SELECTOR';

/**
 * What deactivate() must wait for once the workbench is loaded: VS Code calls it with nothing and awaits only
 * what it returns, so a module-level reference is the one path from it to the window's sandboxes.
 */
let windowSandboxes: (() => Promise<void>) | undefined;

/**
 * Parity's shell: registers what VS Code must know at activation — every contributed command, the views, the
 * Run in Sandbox lenses — and forwards to the workbench (dist/workbench.js, src/vscode/lazy/workbenchModule.ts),
 * loaded once, the first time one of them is used or a Dockerfile or pin file is open. No Docker I/O, no
 * awaiting, and nothing big compiled here.
 */
export function activate(context: vscode.ExtensionContext): void {
    let loading: Promise<Workbench> | undefined;
    const workbench = (): Promise<Workbench> => {
        loading ??= import('./vscode/lazy/workbenchModule').then(({ startWorkbench }) => {
            const loaded = startWorkbench(context, shown);
            windowSandboxes = () => loaded.endSandboxes();
            return loaded;
        });
        return loading;
    };
    const view = (
        id: string,
        pick: (loaded: Workbench) => vscode.TreeDataProvider<unknown>,
        options: { canSelectMany?: boolean; showCollapseAll?: boolean },
    ): vscode.TreeView<unknown> => {
        const provider = new LazyTreeProvider(() => workbench().then(pick));
        context.subscriptions.push(provider);
        return vscode.window.createTreeView(id, { treeDataProvider: provider, ...options });
    };
    const shown: ShellViews = {
        images: view('parity.images', (loaded) => loaded.views.images, { canSelectMany: true, showCollapseAll: true }),
        containers: view('parity.containers', (loaded) => loaded.views.containers, { canSelectMany: true }),
        targets: view('parity.targets', (loaded) => loaded.views.targets, { showCollapseAll: true }),
        findings: view('parity.findings', (loaded) => loaded.views.findings, { showCollapseAll: true }),
    };
    const lenses = new LazyCodeLensProvider(() => workbench().then((loaded) => loaded.runLenses));
    const contributed = (
        context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }
    ).contributes?.commands?.map(({ command }) => command);
    // The language client starts when a Dockerfile or pin file is open: the workbench owns it.
    const needsClient = (document: vscode.TextDocument): boolean =>
        vscode.languages.match(PARITY_DOCUMENT_SELECTOR, document) > 0;
    const opened = vscode.workspace.onDidOpenTextDocument((document) => {
        if (needsClient(document)) {
            opened.dispose();
            inBackground(workbench());
        }
    });
    if (vscode.workspace.textDocuments.some(needsClient)) {
        opened.dispose();
        inBackground(workbench());
    }
    const projectFolders = new ProjectFolders();
    context.subscriptions.push(
        shown.images,
        shown.containers,
        shown.targets,
        shown.findings,
        ...(contributed ?? []).map((id) =>
            vscode.commands.registerCommand(id, async (...args: unknown[]) => {
                const run = (await workbench()).commands.get(id);
                if (!run) {
                    throw new Error(`Parity has no handler for ${id}`);
                }
                return run(...args);
            }),
        ),
        lenses,
        vscode.languages.registerCodeLensProvider(RUN_LENS_SELECTOR, lenses),
        opened,
        projectFolders,
        openWalkthroughOnce(context.globalState, projectFolders),
    );
    // One file search for the folders that hold a project (Explorer menus, first-run walkthrough); not awaited.
    void projectFolders.search();
    // A setting VS Code ignores where it was put is pointed out once, off the activation path. The user settings
    // file sits two levels above the global storage where the window's user data is on this host (code-server,
    // serve-web); elsewhere the file is not there and nothing is read.
    inBackground(
        import('./vscode/lazy/settingPlacesModule').then(({ SettingPlacesCheck }) => {
            const settingPlaces = new SettingPlacesCheck(
                SettingPlacesCheck.scopesOf(context.extension.packageJSON),
                vscode.Uri.joinPath(context.globalStorageUri, '..', '..', 'settings.json'),
            );
            context.subscriptions.push(settingPlaces);
            return settingPlaces.check();
        }),
    );
}

/** Work started at activation that nobody awaits: a bundle that fails to load is said, not swallowed. */
function inBackground(work: Promise<unknown>): void {
    work.catch((error: unknown) => {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity could not start: {0}', error instanceof Error ? error.message : String(error)),
        );
    });
}

/** Waits (bounded) until the sandboxes this window started are stopped and removed; the rest is owned by context.subscriptions. */
export function deactivate(): Promise<void> | undefined {
    const ending = windowSandboxes?.();
    windowSandboxes = undefined;
    return ending;
}
