import { isAbsolute, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import type { Snapshot } from '../core/snapshot/Snapshot';
import { savedFileEffect, type SavedFileEffect } from '../core/project/savedFileEffect';
import { LAST_DIFF_FILE } from '../core/lsp/parityProtocol';
import { readDiffSettings } from './config';
import type { Log } from './createLog';
import type { DiffDiagnostics } from './diff/DiffDiagnostics';
import type { DiffRun, LastDiff } from './diff/LastDiff';
import type { ReportDocuments } from './diff/ReportDocuments';
import type { FindingDiagnostics } from './FindingDiagnostics';
import type { LocalSnapshots } from './LocalSnapshots';
import type { FindingsTreeProvider } from './views/FindingsTreeProvider';

/** Saves in quick succession (Save All, format-on-save) become one recompute. */
const DEBOUNCE_MS = 300;
/**
 * How long the toolchains a capture found are trusted when no version-manager file changed. Within it a save
 * only reads the project's files (≈ tens of ms); after it the next save probes the runtimes and machine facts
 * again, because the user may have installed a toolchain in a terminal meanwhile (nvm install, apt upgrade) —
 * something no project file says. Ten minutes: longer than an edit-save-look loop, shorter than a coffee.
 */
const HOST_FACTS_MAX_AGE_MS = 10 * 60_000;

export interface FreshFindingsDeps {
    readonly log: Log;
    readonly version: string;
    readonly diagnostics: FindingDiagnostics;
    readonly findings: FindingsTreeProvider;
    readonly localSnapshots: LocalSnapshots;
    readonly lastDiff: LastDiff;
    readonly diffDiagnostics: DiffDiagnostics;
    readonly reports: ReportDocuments;
}

/** One folder whose findings are on screen: its last snapshot, when its host facts were last probed, what is pending. */
interface Tracked {
    snapshot?: Snapshot;
    probedAt: number;
    pending: Set<SavedFileEffect>;
    /** The saved files the pending recompute is for, relative to the folder. */
    files: Set<string>;
    timer?: ReturnType<typeof setTimeout>;
    running: Promise<void>;
}

/** What a recompute did, for tests and the log. */
export interface Refreshed {
    readonly folder: vscode.Uri;
    readonly files: readonly string[];
    readonly toolchains: boolean;
    readonly ms: number;
}

/**
 * Keeps Findings and Problems true to the files: when a pin file, a Dockerfile or .env of a folder whose
 * snapshot or diff is shown is saved, its findings are recomputed — this machine's side captured again from the
 * project's files with the last capture's machine facts and, unless a version-manager file changed or they are
 * old, its toolchains; the other sides of a diff are reused as they were captured. Nothing is loaded until such a
 * save happens: a folder Parity has shown nothing for costs one Set lookup per save.
 */
export class FreshFindings implements vscode.Disposable {
    private readonly folders = new Map<string, Tracked>();
    private readonly refreshed = new vscode.EventEmitter<Refreshed>();
    readonly onDidRefresh = this.refreshed.event;
    private readonly subscriptions: vscode.Disposable[];
    /** Snapshots this class made itself: seen again through LocalSnapshots, they must not count as a full probe. */
    private readonly own = new WeakSet<Snapshot>();

    constructor(private readonly deps: FreshFindingsDeps) {
        this.subscriptions = [
            deps.localSnapshots.onDidTake(({ folder, snapshot }) => {
                const tracked = this.track(folder);
                tracked.snapshot = snapshot;
                if (!this.own.has(snapshot)) {
                    tracked.probedAt = Date.now();
                }
            }),
            deps.lastDiff.onDidChange((run) => {
                const host = hostSnapshotOf(run);
                if (run.folder && !(host && this.own.has(host))) {
                    this.track(run.folder).probedAt = Date.now();
                }
            }),
            vscode.workspace.onDidSaveTextDocument((document) => this.saved(document.uri)),
            this.refreshed,
        ];
    }

    private track(folder: vscode.Uri): Tracked {
        let tracked = this.folders.get(folder.fsPath);
        if (!tracked) {
            tracked = { probedAt: Date.now(), pending: new Set(), files: new Set(), running: Promise.resolve() };
            this.folders.set(folder.fsPath, tracked);
        }
        return tracked;
    }

    private saved(uri: vscode.Uri): void {
        if (uri.scheme !== 'file') {
            return;
        }
        for (const [root, tracked] of this.folders) {
            const path = relative(root, uri.fsPath);
            if (path === '' || path.startsWith('..') || isAbsolute(path)) {
                continue;
            }
            const effect = savedFileEffect(path.split(sep).join('/'));
            if (effect === 'none') {
                continue;
            }
            tracked.pending.add(effect);
            tracked.files.add(path);
            clearTimeout(tracked.timer);
            tracked.timer = setTimeout(() => {
                tracked.running = tracked.running.then(() => this.refresh(vscode.Uri.file(root), tracked));
            }, DEBOUNCE_MS);
        }
    }

    private async refresh(folder: vscode.Uri, tracked: Tracked): Promise<void> {
        const started = performance.now();
        const files = [...tracked.files];
        tracked.files.clear();
        const toolchains = tracked.pending.has('toolchain') || Date.now() - tracked.probedAt > HOST_FACTS_MAX_AGE_MS;
        tracked.pending.clear();
        const { log } = this.deps;
        try {
            const pipeline = await import('./lazy/pipelineModule');
            if (toolchains) {
                tracked.probedAt = Date.now();
            }
            if (tracked.snapshot) {
                const snapshot = await pipeline.captureHost(folder.fsPath, {
                    toolVersion: this.deps.version,
                    log,
                    reuse: { snapshot: tracked.snapshot, runtimes: toolchains },
                });
                const findings = pipeline.reconcileRuntimes(snapshot.runtimes);
                this.own.add(snapshot);
                await pipeline.writeProjectFile(
                    folder.fsPath,
                    '.parity/local.snapshot.json',
                    `${JSON.stringify(snapshot, null, 2)}\n`,
                );
                this.deps.diagnostics.show(folder, findings, snapshot.issues);
                this.deps.findings.set(folder, findings, snapshot.meta.capturedAt);
                this.deps.localSnapshots.add({ folder, snapshot });
            }
            const run = this.deps.lastDiff.current;
            if (run?.captured && run.folder?.fsPath === folder.fsPath) {
                const rules = pipeline.diffRulesFromSettings(readDiffSettings(folder));
                const result = await pipeline.refreshDiff(
                    { report: run.report, snapshots: run.snapshots, ...run.captured },
                    { runtimes: toolchains, rules, log, toolVersion: this.deps.version },
                );
                if (result) {
                    const { report, snapshots, ...captured } = result;
                    const text = pipeline.renderDiffReport(report, 'text');
                    const host = captured.hostSide && snapshots[captured.hostSide];
                    if (host) {
                        this.own.add(host);
                    }
                    this.deps.reports.update(run.uri, text);
                    this.deps.diffDiagnostics.show(folder, report.findings);
                    this.deps.findings.showReport(folder, report, run.uri, text);
                    this.deps.lastDiff.set({ report, uri: run.uri, text, folder, snapshots, captured });
                    await pipeline.writeProjectFile(
                        folder.fsPath,
                        LAST_DIFF_FILE,
                        `${pipeline.renderDiffReport(report, 'json').trimEnd()}\n`,
                    );
                }
            }
            const ms = Math.round(performance.now() - started);
            log.info(
                `Findings recomputed after saving ${files.join(', ')} in ${ms} ms (${toolchains ? 'toolchains probed again' : 'toolchains reused'})`,
            );
            this.refreshed.fire({ folder, files, toolchains, ms });
        } catch (error) {
            // A half-typed file is normal while editing: the log says why, the shown findings stay as they were.
            log.warn(
                `Findings not recomputed after saving ${files.join(', ')}: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
    }

    dispose(): void {
        for (const tracked of this.folders.values()) {
            clearTimeout(tracked.timer);
        }
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
    }
}

function hostSnapshotOf(run: DiffRun): Snapshot | undefined {
    const side = run.captured?.hostSide;
    return side === undefined ? undefined : run.snapshots[side];
}
