// Everything of Parity's VS Code side but its shell: bundled apart as dist/workbench.js and required by
// src/extension.ts the first time a command runs, a view shows rows, a lens is asked for or a Dockerfile opens —
// so activation compiles a few KiB, not this.
import * as vscode from 'vscode';
import { commandHandlers } from '../commands';
import { createLog } from '../createLog';
import { affectsEngine, readConfig } from '../config';
import { DockerfileLanguageClient } from '../DockerfileLanguageClient';
import { EngineConnection } from '../EngineConnection';
import { EngineStatusBar } from '../EngineStatusBar';
import { BuildDiagnostics } from '../BuildDiagnostics';
import { FindingDiagnostics } from '../FindingDiagnostics';
import { FreshFindings } from '../FreshFindings';
import { RunCodeLensProvider } from '../RunCodeLensProvider';
import { ProposedContent } from '../ProposedContent';
import { SnapshotDocuments } from '../commands/diff/SnapshotDocuments';
import { DiffDiagnostics } from '../diff/DiffDiagnostics';
import { DiffStatusBar } from '../diff/DiffStatusBar';
import { FixCodeActions } from '../diff/FixCodeActions';
import { LocalSnapshots } from '../LocalSnapshots';
import { LastDiff } from '../diff/LastDiff';
import { ReportDocuments } from '../diff/ReportDocuments';
import { OrphanSandboxes } from '../commands/sandbox/OrphanSandboxes';
import { RunningSandboxes } from '../commands/sandbox/RunningSandboxes';
import type { ExtensionDeps } from '../ExtensionDeps';
import { ContainerLogTerminals } from '../views/ContainerLogTerminals';
import { containersView } from '../views/containersView';
import { EngineTreeProvider } from '../views/EngineTreeProvider';
import { FindingsTreeProvider } from '../views/FindingsTreeProvider';
import { imagesView } from '../views/imagesView';
import { InspectDocuments } from '../views/InspectDocuments';
import { LiveEngineViews } from '../views/LiveEngineViews';
import { TargetsTreeProvider } from '../views/TargetsTreeProvider';
import { TargetEngines } from '../TargetEngines';
import { TargetReachability } from '../targets/TargetReachability';
import { TargetSnapshots } from '../targets/TargetSnapshots';
import { SnapshotSummaries } from '../snapshot/SnapshotSummaries';

/** A target's engine that does not answer within this is shown as not reachable; the rows never wait for it. */
const TARGET_PING_MS = 3000;

/** The TreeViews the shell created at activation (VS Code needs them then); their rows come from here. */
export interface ShellViews {
    readonly images: vscode.TreeView<unknown>;
    readonly containers: vscode.TreeView<unknown>;
    readonly targets: vscode.TreeView<unknown>;
    readonly findings: vscode.TreeView<unknown>;
}

/** What the shell forwards to once the workbench is loaded. */
export interface Workbench {
    /** The real data of each view the shell shows. */
    readonly views: { readonly [K in keyof ShellViews]: vscode.TreeDataProvider<unknown> };
    readonly runLenses: vscode.CodeLensProvider;
    /** A contributed command's handler, by id. */
    readonly commands: ReadonlyMap<string, (...args: unknown[]) => unknown>;
    /** Stops and removes the sandboxes this window started, for deactivate(). */
    endSandboxes(): Promise<void>;
}

/**
 * Creates Parity's objects and wires them into VS Code; everything it creates is owned by
 * context.subscriptions. No Docker I/O and no awaiting here: the engine is contacted when a command runs or a
 * view asks for rows, and the language server starts when a Dockerfile or pin file is open.
 */
export function startWorkbench(context: vscode.ExtensionContext, shown: ShellViews): Workbench {
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
    const snapshots = new SnapshotDocuments();
    const reports = new ReportDocuments();
    const lastDiff = new LastDiff();
    const localSnapshots = new LocalSnapshots();
    const diffDiagnostics = new DiffDiagnostics();
    const inspect = new InspectDocuments(engine);
    const containerLogs = new ContainerLogTerminals(engine, log);
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
    const summaries = new SnapshotSummaries();
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
        // Starts the engine's event stream only once one of these views is on screen.
        new LiveEngineViews(
            [
                { topic: 'images', provider: images, visibility: shown.images },
                { topic: 'containers', provider: containers, visibility: shown.containers },
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
        findings,
        new EngineStatusBar(engine),
        runLenses,
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
        summaries,
    );
    return {
        views: { images, containers, targets: targetsView, findings },
        runLenses,
        commands: commandHandlers(deps),
        endSandboxes: () => sandboxes.endAll(),
    };
}
