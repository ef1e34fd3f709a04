import { hostname } from 'node:os';
import * as vscode from 'vscode';
import { ownerIsGone, processIsRunning } from '../../../core/sandbox/sandboxOwner';
import type { Log } from '../../createLog';
import type { EngineConnection } from '../../EngineConnection';
import type { RefreshableView } from '../../ExtensionDeps';

/** The app's time to shut down when an abandoned sandbox is removed. */
const REMOVE_GRACE_MS = 1000;

/**
 * Sandboxes whose window was killed (its extension host is gone, so nothing stops them): found by their
 * `parity.owner` label and offered for removal — once per window, when Parity is first used (a command runs
 * or the Containers view loads), never during activation.
 */
export class OrphanSandboxes {
    private offered: Promise<void> | undefined;

    constructor(
        private readonly engine: EngineConnection,
        private readonly views: readonly RefreshableView[],
        private readonly log: Log,
    ) {}

    /** Looks once; later calls return the same look. Never rejects: an engine that does not answer is reported where it is used. */
    offerOnce(): Promise<void> {
        this.offered ??= this.offer().catch((error: unknown) => {
            this.log.warn(
                `Looking for sandboxes left by a closed window failed: ${error instanceof Error ? error.message : String(error)}`,
            );
        });
        return this.offered;
    }

    private async offer(): Promise<void> {
        const pipeline = await import('../../lazy/pipelineModule');
        const client = await this.engine.client();
        const here = { host: hostname(), isRunning: processIsRunning };
        const orphans = (await pipeline.listSandboxes(client)).filter((row) => ownerIsGone(row.owner, here));
        if (orphans.length === 0) {
            return;
        }
        this.log.info(
            `Sandboxes left by a closed window: ${orphans.map((row) => `${row.name} (owner ${row.owner ?? '?'})`).join(', ')}`,
        );
        const remove = vscode.l10n.t('Remove');
        const keep = vscode.l10n.t('Keep');
        const message =
            orphans.length === 1
                ? vscode.l10n.t('Parity: 1 sandbox left running by a closed window ({0})', orphans[0]?.name ?? '')
                : vscode.l10n.t('Parity: {0} sandboxes left running by a closed window', orphans.length);
        if ((await vscode.window.showWarningMessage(message, remove, keep)) !== remove) {
            return;
        }
        const results = await Promise.allSettled(
            orphans.map((row) => pipeline.stopSandboxNamed(client, row.id, { graceMs: REMOVE_GRACE_MS })),
        );
        this.views.forEach((view) => view.refresh());
        const failed = results.flatMap((result, index) =>
            result.status === 'rejected'
                ? [
                      `${orphans[index]?.name ?? '?'}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
                  ]
                : [],
        );
        if (failed.length > 0) {
            this.log.error(`Could not remove: ${failed.join('; ')}`);
            void vscode.window.showErrorMessage(vscode.l10n.t('Parity: could not remove {0}', failed.join('; ')));
        }
    }
}
