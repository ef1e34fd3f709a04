import type * as vscode from 'vscode';
import type { Log } from './createLog';
import type { EngineConnection } from './EngineConnection';
import type { BuildDiagnostics } from './BuildDiagnostics';
import type { FindingDiagnostics } from './FindingDiagnostics';
import type { ProposedContent } from './ProposedContent';
import type { SnapshotDocuments } from './commands/diff/SnapshotDocuments';
import type { DiffDiagnostics } from './diff/DiffDiagnostics';
import type { LastDiff } from './diff/LastDiff';
import type { LocalSnapshots } from './LocalSnapshots';
import type { ReportDocuments } from './diff/ReportDocuments';
import type { OrphanSandboxes } from './commands/sandbox/OrphanSandboxes';
import type { RunningSandboxes } from './commands/sandbox/RunningSandboxes';
import type { ContainerLogTerminals } from './views/ContainerLogTerminals';
import type { FindingsTreeProvider } from './views/FindingsTreeProvider';
import type { InspectDocuments } from './views/InspectDocuments';
import type { TargetEngines } from './TargetEngines';
import type { TargetReachability } from './targets/TargetReachability';
import type { TargetSnapshots } from './targets/TargetSnapshots';
import type { TargetsTreeProvider } from './views/TargetsTreeProvider';
import type { SnapshotSummaries } from './snapshot/SnapshotSummaries';

/** What commands receive: passed in at activation, never looked up from a global. */
export interface ExtensionDeps {
    readonly log: Log;
    readonly engine: EngineConnection;
    readonly engineViews: readonly RefreshableView[];
    readonly diagnostics: FindingDiagnostics;
    readonly findings: FindingsTreeProvider;
    readonly buildDiagnostics: BuildDiagnostics;
    readonly proposed: ProposedContent;
    /** Read-only JSON of what the engine answers to inspect. */
    readonly inspect: InspectDocuments;
    /** Followed container logs, one terminal per container. */
    readonly containerLogs: ContainerLogTerminals;
    /** Read-only snapshot texts, the sides of Diff with Target. */
    readonly snapshots: SnapshotDocuments;
    /** Read-only Parity Report documents, one per comparison. */
    readonly reports: ReportDocuments;
    /** Snapshots of this machine as they are taken, for the language server. */
    readonly localSnapshots: LocalSnapshots;
    /** The last comparison, for the status bar and Show Raw Snapshots. */
    readonly lastDiff: LastDiff;
    /** The last comparison's findings in Problems, with their fixes for the quick fixes. */
    readonly diffDiagnostics: DiffDiagnostics;
    /** The sandboxes this window started. */
    readonly sandboxes: RunningSandboxes;
    /** Sandboxes a killed window left behind, offered for removal once. */
    readonly orphans: OrphanSandboxes;
    /** One client per engine a target names with `@ENGINE`. */
    readonly targetEngines: TargetEngines;
    /** The Targets view, whether each target answers, and each one's last snapshot. */
    readonly targetsView: TargetsTreeProvider;
    readonly targetReachability: TargetReachability;
    readonly targetSnapshots: TargetSnapshots;
    /** Readable snapshot summaries, with links to the pin lines and the raw JSON a click away. */
    readonly summaries: SnapshotSummaries;
    /** The extension's version, recorded in what it writes. */
    readonly version: string;
    /** The user's global state: what a command proposes again next time (the last registry pushed to). */
    readonly memory: vscode.Memento;
}

/** A view that can be told to reload. */
export interface RefreshableView {
    readonly id: string;
    refresh(): void;
}
