import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { createLog } from './vscode/createLog';
import { affectsEngine, readConfig } from './vscode/config';
import { DockerfileLanguageClient } from './vscode/DockerfileLanguageClient';
import { EngineConnection } from './vscode/EngineConnection';
import { EngineStatusBar } from './vscode/EngineStatusBar';
import { BuildDiagnostics } from './vscode/BuildDiagnostics';
import { FindingDiagnostics } from './vscode/FindingDiagnostics';
import { FreshFindings } from './vscode/FreshFindings';
import { RUN_LENS_SELECTOR, RunCodeLensProvider } from './vscode/RunCodeLensProvider';
import { ProposedContent } from './vscode/ProposedContent';
import { SnapshotDocuments } from './vscode/commands/diff/SnapshotDocuments';
import { DiffDiagnostics } from './vscode/diff/DiffDiagnostics';
import { DiffStatusBar } from './vscode/diff/DiffStatusBar';
import { FixCodeActions } from './vscode/diff/FixCodeActions';
import { LocalSnapshots } from './vscode/LocalSnapshots';
import { LastDiff } from './vscode/diff/LastDiff';
import { ReportDocuments } from './vscode/diff/ReportDocuments';
import { OrphanSandboxes } from './vscode/commands/sandbox/OrphanSandboxes';
import { RunningSandboxes } from './vscode/commands/sandbox/RunningSandboxes';
import type { ExtensionDeps } from './vscode/ExtensionDeps';
import { ContainerLogTerminals } from './vscode/views/ContainerLogTerminals';
import { containersView } from './vscode/views/containersView';
import { EngineTreeProvider } from './vscode/views/EngineTreeProvider';
import { FindingsTreeProvider } from './vscode/views/FindingsTreeProvider';
import { imagesView } from './vscode/views/imagesView';
import { InspectDocuments } from './vscode/views/InspectDocuments';
import { LiveEngineViews } from './vscode/views/LiveEngineViews';
import { TargetsTreeProvider } from './vscode/views/TargetsTreeProvider';
import { TargetEngines } from './vscode/TargetEngines';
import { TargetReachability } from './vscode/targets/TargetReachability';
import { TargetSnapshots } from './vscode/targets/TargetSnapshots';
import { openWalkthroughOnce } from './vscode/FirstRunWalkthrough';
import { ProjectFolders } from './vscode/ProjectFolders';
import { SnapshotSummaries } from './vscode/snapshot/SnapshotSummaries';
import { SettingPlacesCheck } from './vscode/SettingPlacesCheck';

/** A target's engine that does not answer within this is shown as not reachable; the rows never wait for it. */
const TARGET_PING_MS = 3000;

/**
 * The sandboxes of this window, for deactivate(): VS Code calls it with nothing and awaits only what it
 * returns, so a module-level reference is the one path from it to the sandboxes it must wait for.
 */
let windowSandboxes: RunningSandboxes | undefined;

/**
 * Wires Parity into VS Code. No Docker I/O and no awaiting here: the engine is contacted when a command
 * runs or a view becomes visible, and the language server starts when a Dockerfile opens.
 */
export function activate(context: vscode.ExtensionContext): void {
    const log = createLog();
    const engine = new EngineConnection(log);
    const images = new EngineTreeProvider(imagesView, engine, log);
    const containers = new EngineTreeProvider(containersView, engine, log);
    const engineViews = [images, containers];
    const diagnostics = new FindingDiagnostics();
    const findings = new FindingsTreeProvider();
    const buildDiagnostics = new BuildDiagnostics();
    const proposed = new ProposedContent();
    const runLenses = new RunCodeLensProvider();
    const sandboxes = new RunningSandboxes();
    windowSandboxes = sandboxes;
    const snapshots = new SnapshotDocuments();
    const reports = new ReportDocuments();
    const lastDiff = new LastDiff();
    const localSnapshots = new LocalSnapshots();
    const diffDiagnostics = new DiffDiagnostics();
    const inspect = new InspectDocuments(engine);
    const containerLogs = new ContainerLogTerminals(engine, log);
    const imagesTree = vscode.window.createTreeView(images.id, {
        treeDataProvider: images,
        canSelectMany: true,
        showCollapseAll: true,
    });
    const containersTree = vscode.window.createTreeView(containers.id, {
        treeDataProvider: containers,
        canSelectMany: true,
    });
    const orphans = new OrphanSandboxes(engine, engineViews, log);
    const targetEngines = new TargetEngines({
        current: () => engine.client(),
        timeoutMs: () => readConfig().docker.timeoutMs,
        log,
    });
    // The view is created below; a finished check redraws only its own rows.
    const targetReachability = new TargetReachability({
        client: (ref) => targetEngines.client(ref),
        pingMs: TARGET_PING_MS,
        onChange: (targets) => targetsView.reachabilityChanged(targets),
    });
    // Last snapshots of targets: VS Code's storage for this workspace (the user's global storage without one), never the project.
    const targetSnapshots = new TargetSnapshots((context.storageUri ?? context.globalStorageUri).fsPath);
    const targetsView = new TargetsTreeProvider(targetReachability, targetSnapshots, log);
    const projectFolders = new ProjectFolders();
    const summaries = new SnapshotSummaries();
    // The user settings file sits two levels above the global storage where the window's user data is on
    // this host (code-server, serve-web); elsewhere the file is not there and nothing is read.
    const settingPlaces = new SettingPlacesCheck(
        SettingPlacesCheck.scopesOf(context.extension.packageJSON),
        vscode.Uri.joinPath(context.globalStorageUri, '..', '..', 'settings.json'),
    );
    const deps: ExtensionDeps = {
        log,
        engine,
        engineViews,
        diagnostics,
        findings,
        buildDiagnostics,
        proposed,
        inspect,
        containerLogs,
        sandboxes,
        orphans,
        snapshots,
        reports,
        lastDiff,
        localSnapshots,
        diffDiagnostics,
        targetEngines,
        targetsView,
        targetReachability,
        targetSnapshots,
        summaries,
        version: String((context.extension.packageJSON as { version?: unknown }).version),
        memory: context.globalState,
    };

    context.subscriptions.push(
        log,
        engine,
        diagnostics,
        buildDiagnostics,
        proposed,
        images,
        containers,
        imagesTree,
        containersTree,
        // Starts the engine's event stream only once one of these views is on screen.
        new LiveEngineViews(
            [
                { topic: 'images', provider: images, visibility: imagesTree },
                { topic: 'containers', provider: containers, visibility: containersTree },
            ],
            engine,
            log,
        ),
        // The Containers view is where leftover sandboxes show: the first time it loads, offer to remove them.
        containers.onWillLoad(() => void orphans.offerOnce()),
        inspect,
        containerLogs,
        sandboxes,
        snapshots,
        reports,
        lastDiff,
        localSnapshots,
        diffDiagnostics,
        new DiffStatusBar(lastDiff),
        // After the views and Problems it feeds: a saved pin file, Dockerfile or .env recomputes what they show.
        new FreshFindings({
            log,
            version: deps.version,
            diagnostics,
            findings,
            localSnapshots,
            lastDiff,
            diffDiagnostics,
            reports,
        }),
        vscode.languages.registerCodeActionsProvider(
            { scheme: 'file' },
            new FixCodeActions(diffDiagnostics, log),
            FixCodeActions.metadata,
        ),
        targetEngines,
        targetReachability,
        targetsView,
        vscode.window.createTreeView(targetsView.id, { treeDataProvider: targetsView, showCollapseAll: true }),
        findings,
        vscode.window.createTreeView('parity.findings', { treeDataProvider: findings, showCollapseAll: true }),
        new EngineStatusBar(engine),
        ...registerCommands(deps),
        runLenses,
        vscode.languages.registerCodeLensProvider(RUN_LENS_SELECTOR, runLenses),
        vscode.workspace.onDidChangeConfiguration((event) => {
            if (affectsEngine(event)) {
                engine.reset();
                targetEngines.reset();
                targetsView.refresh(true);
            }
        }),
        new DockerfileLanguageClient(
            context.asAbsolutePath('dist/server.js'),
            log,
            lastDiff,
            localSnapshots,
            diagnostics,
        ),
        projectFolders,
        summaries,
        settingPlaces,
        openWalkthroughOnce(context.globalState, projectFolders),
    );
    // One file search for the folders that hold a project (Explorer menus, first-run walkthrough); not awaited.
    void projectFolders.search();
    // A setting VS Code ignores where it was put is pointed out once, off the activation path.
    void settingPlaces.check();
}

/** Waits (bounded) until the sandboxes this window started are stopped and removed; the rest is owned by context.subscriptions. */
export function deactivate(): Promise<void> | undefined {
    const ending = windowSandboxes?.endAll();
    windowSandboxes = undefined;
    return ending;
}
