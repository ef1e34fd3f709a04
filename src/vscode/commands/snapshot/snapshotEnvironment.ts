import * as vscode from 'vscode';
import type { Snapshot } from '../../../core/snapshot/Snapshot';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { abortSignalFor } from '../../abortSignalFor';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { SNAPSHOT_FILE } from '../../snapshot/SnapshotSummaries';
import { findingsCount } from '../../l10nCounts';

/**
 * Parity: Snapshot Environment — captures this machine as the project sees it, writes
 * .parity/local.snapshot.json atomically (never through a link), opens its readable summary (the raw JSON is
 * one click away), logs what was found and puts declared-vs-installed findings into the Problems panel. Returns the snapshot (undefined when cancelled or failed).
 */
export async function snapshotEnvironment(deps: ExtensionDeps, folderArg?: unknown): Promise<Snapshot | undefined> {
    const folder = await pickWorkspaceFolder(folderArg, vscode.l10n.t('Snapshot which folder?'));
    if (!folder) {
        return undefined;
    }
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const { snapshot, findings } = await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: vscode.l10n.t(
                    'Parity: taking a snapshot of {0}…',
                    vscode.workspace.asRelativePath(folder, true) || folder.fsPath,
                ),
                cancellable: true,
            },
            async (_progress, token) => {
                const captured = await pipeline.captureHost(folder.fsPath, {
                    toolVersion: deps.version,
                    log: deps.log,
                    signal: abortSignalFor(token),
                });
                return { snapshot: captured, findings: pipeline.reconcileRuntimes(captured.runtimes) };
            },
        );
        await pipeline.writeProjectFile(folder.fsPath, SNAPSHOT_FILE, `${JSON.stringify(snapshot, null, 2)}\n`);
        deps.localSnapshots.add({ folder, snapshot });
        logSummary(deps, snapshot, findings.length);
        const problems = deps.diagnostics.show(folder, findings, snapshot.issues);
        deps.findings.set(folder, findings, snapshot.meta.capturedAt);
        await deps.summaries.show(folder, pipeline.formatSnapshotText(snapshot, findings));
        const message =
            findings.length === 0
                ? vscode.l10n.t('Parity: snapshot saved to {0}. Declared and installed runtimes agree.', SNAPSHOT_FILE)
                : vscode.l10n.t(
                      'Parity: snapshot saved to {0}. {1} — see the Problems panel.',
                      SNAPSHOT_FILE,
                      findingsCount(findings.length),
                  );
        const showProblems = vscode.l10n.t('Show Problems');
        const openJson = vscode.l10n.t('Open Raw JSON');
        void vscode.window
            .showInformationMessage(message, ...(problems > 0 ? [showProblems] : []), openJson)
            .then((choice) => {
                if (choice === showProblems) {
                    void vscode.commands.executeCommand('workbench.actions.view.problems');
                } else if (choice === openJson) {
                    void vscode.commands.executeCommand('parity.snapshot.openRaw', folder);
                }
            });
        return snapshot;
    } catch (error) {
        if (isAbortError(error)) {
            return undefined;
        }
        deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window
            .showErrorMessage(
                vscode.l10n.t(
                    'Parity: the snapshot failed: {0}',
                    error instanceof Error ? error.message : String(error),
                ),
                vscode.l10n.t('Show Log'),
            )
            .then((choice) => choice && deps.log.show());
        return undefined;
    }
}

function logSummary(deps: ExtensionDeps, snapshot: Snapshot, findingCount: number): void {
    const runtimes = Object.entries(snapshot.runtimes).map(
        ([name, facts]) =>
            `${name} ${facts.installed?.version ?? 'not installed'} (declared: ${facts.declared.map((declaration) => `${declaration.source} ${declaration.raw}`).join(', ') || 'nothing'})`,
    );
    deps.log.info(
        [
            `Snapshot of ${snapshot.meta.source.ref} in ${snapshot.meta.durationMs ?? '?'} ms`,
            `  platform: ${snapshot.platform.os}/${snapshot.platform.arch} ${snapshot.platform.distro?.prettyName ?? ''} ${snapshot.platform.libc.family} ${snapshot.platform.libc.version ?? ''}`,
            ...runtimes.map((line) => `  runtime: ${line}`),
            `  app: ${snapshot.app ? `${snapshot.app.framework?.value ?? 'no framework'}, start ${snapshot.app.startCommand?.value.join(' ') ?? 'unknown'}, ports ${snapshot.app.ports.map((port) => port.value).join(', ') || 'none'}` : 'none found'}`,
            `  env: ${Object.keys(snapshot.env).length} variables (values hashed); extra CAs: ${snapshot.certificates.extra.length}`,
            `  findings: ${findingCount}; capture issues: ${snapshot.issues.length}`,
        ].join('\n'),
    );
}
