import * as vscode from 'vscode';
import { readConfig } from '../../config';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { abortSignalFor } from '../../abortSignalFor';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { buildWithProgress } from './buildWithProgress';
import { confirmRecipe } from './confirmRecipe';
import { reviewPlan } from './reviewPlan';

export interface PackageResult {
    readonly tag: string;
    readonly imageId: string;
}

export interface PackageOptions {
    /**
     * false: build the plan as made, without the review quick pick, and keep any file the user owns as it is
     * (never replaced without a yes) — for the Run in Sandbox CodeLens and for automation.
     */
    readonly interactive?: boolean;
}

/**
 * Parity: Package App — folder → snapshot → plan (reviewed in a quick pick) → Dockerfile and .dockerignore
 * (never over the user's without a diff and a yes) → build with live, cancellable progress. A failed step
 * becomes a Problems entry on its Dockerfile line. Returns the image (undefined when stopped or failed).
 */
export async function packageApp(deps: ExtensionDeps, folderArg?: unknown, options?: unknown): Promise<PackageResult | undefined> {
    // Command arguments arrive untyped (keybindings, other extensions): read only what is really there.
    const interactive = !(typeof options === 'object' && options !== null && (options as PackageOptions).interactive === false);
    const folder = await pickWorkspaceFolder(folderArg, vscode.l10n.t('Package which folder?'));
    if (!folder) {
        return undefined;
    }
    try {
        const status = await deps.engine.checkStatus();
        const pipeline = await import('../../lazy/pipelineModule');
        const config = readConfig().recipe;
        const planOptions = {
            ...(config.baseImageRegistry ? { baseImageRegistry: config.baseImageRegistry } : {}),
            ...(config.baseImage ? { baseImageOverride: config.baseImage } : {}),
            bakeCa: config.bakeCa,
        };
        const { snapshot, plan } = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Parity: looking at what {0} runs on…', vscode.workspace.asRelativePath(folder, true) || folder.fsPath), cancellable: true },
            (_progress, token) => pipeline.planProject(folder.fsPath, { log: deps.log, toolVersion: deps.version, signal: abortSignalFor(token), plan: planOptions }),
        );
        const reviewed = !interactive ? { plan } : await reviewPlan(plan,
            (overrides) => pipeline.planFromSnapshot(snapshot, { ...planOptions, projectRoot: folder.fsPath, overrides }),
            async (shown) => {
                await vscode.window.showTextDocument(vscode.Uri.file(await pipeline.savePlan(shown)), { preview: true });
            });
        if (!reviewed) {
            return undefined;
        }
        await pipeline.savePlan(reviewed.plan);
        deps.log.info(`Plan for ${folder.fsPath}\n${pipeline.planToText(reviewed.plan)}`);

        const recipe = pipeline.renderRecipe(reviewed.plan, { buildkit: status.buildkit });
        const files = await pipeline.inspectRecipe(folder.fsPath, recipe);
        const choices = interactive
            ? await confirmRecipe(files, deps.proposed)
            : { replace: new Set<never>(), keep: new Set(files.filter((file) => file.status === 'user').map((file) => file.name)) };
        if (!choices) {
            return undefined;
        }
        await pipeline.writeRecipe(folder.fsPath, recipe, choices);
        return await buildWithProgress(deps, folder, status.buildkit, reviewed.plan);
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        if (!(error instanceof Error && (error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled'))) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Parity: packaging failed: {0}', error instanceof Error ? error.message : String(error)), vscode.l10n.t('Show Log'))
                .then((choice) => choice && deps.log.show());
        }
        return undefined;
    }
}
