import * as vscode from 'vscode';
import type { EngineClient } from '../../engine/EngineClient';
import { type EngineError, isEngineError } from '../../engine/EngineError';
import { abortSignalFor } from '../abortSignalFor';
import type { ExtensionDeps } from '../ExtensionDeps';

export interface EngineActionOptions {
    /** The view whose progress bar runs while the action does (and which reloads afterwards). */
    readonly viewId: string;
    /** Reload the view afterwards (default); off for actions that change nothing, like inspect. */
    readonly reload?: boolean;
    /** Turns an engine failure into a better message for this action (e.g. "in use"); undefined keeps the engine's. */
    readonly explain?: (error: EngineError) => string | undefined;
}

/**
 * Runs an action from a view's context menu against the engine: a progress bar on the view while it runs,
 * the usual request limits and cancellation, then a reload of the view. A failure becomes one error message
 * with Show Log (the log has the detail); undefined is returned then.
 */
export async function engineAction<T>(
    deps: ExtensionDeps,
    options: EngineActionOptions,
    run: (client: EngineClient, signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
    try {
        const result = await vscode.window.withProgress(
            { location: { viewId: options.viewId } },
            async (_progress, token) => run(await deps.engine.client(), abortSignalFor(token)),
        );
        return result;
    } catch (error) {
        if (isEngineError(error) && error.kind === 'cancelled') {
            return undefined;
        }
        deps.engine.reportFailure(error);
        deps.log.error(error instanceof Error ? error : String(error));
        const message =
            (isEngineError(error) ? options.explain?.(error) : undefined) ??
            (error instanceof Error ? error.message : String(error));
        showError(deps, message);
        return undefined;
    } finally {
        if (options.reload ?? true) {
            deps.engineViews.find((view) => view.id === options.viewId)?.refresh();
        }
    }
}

export function showError(deps: ExtensionDeps, message: string): void {
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(message, showLog).then((choice) => {
        if (choice === showLog) {
            deps.log.show();
        }
    });
}

/** The nodes a context-menu command applies to: the selection when several rows are selected, else the row clicked. */
export function selectedNodes(node: unknown, selection: unknown): unknown[] {
    return Array.isArray(selection) && selection.length > 0 ? selection : node === undefined ? [] : [node];
}
