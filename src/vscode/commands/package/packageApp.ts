import * as vscode from 'vscode';
import type { BuildEvent } from '../../../core/build/BuildEvent';
import type { Plan } from '../../../core/plan/Plan';
import { readConfig } from '../../config';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { abortSignalFor } from '../../abortSignalFor';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
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
        return await build(deps, folder, reviewed.plan, status.buildkit);
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        if (!(error instanceof Error && (error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled'))) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Parity: packaging failed: {0}', error instanceof Error ? error.message : String(error)), vscode.l10n.t('Show Log'))
                .then((choice) => choice && deps.log.show());
        }
        return undefined;
    }
}

async function build(deps: ExtensionDeps, folder: vscode.Uri, plan: Plan, buildkit: boolean): Promise<PackageResult | undefined> {
    const pipeline = await import('../../lazy/pipelineModule');
    const client = await deps.engine.client();
    const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
    const tag = pipeline.imageTagFor(folder.fsPath, plan.appRoot);
    deps.buildDiagnostics.clear(dockerfile);
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Parity: building {0}', tag), cancellable: true },
            (progress, token) => pipeline.buildProject(client, {
                projectRoot: folder.fsPath,
                tag,
                plan,
                builder: buildkit ? 'buildkit' : 'classic',
                log: deps.log,
                signal: abortSignalFor(token),
                onContext: (context) => deps.log.info(`Build context: ${context.fileCount} files, ${(context.size / 1024).toFixed(0)} KiB`),
                onEvent: (event) => reportBuildEvent(deps, progress, event),
            }),
        );
        deps.engineViews.forEach((view) => view.refresh());
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Parity: built {0} ({1}) in {2} s.', result.tag, result.imageId.replace('sha256:', '').slice(0, 12), (result.durationMs / 1000).toFixed(1)),
            vscode.l10n.t('Show Log'),
        ).then((choice) => choice && deps.log.show());
        return { tag: result.tag, imageId: result.imageId };
    } catch (error) {
        if (error instanceof pipeline.BuildError) {
            deps.buildDiagnostics.show(dockerfile, error.line, error.message, error.logTail);
            deps.log.error(`${error.message}\n${error.logTail.join('\n')}`);
            const open = vscode.l10n.t('Open Dockerfile');
            void vscode.window.showErrorMessage(vscode.l10n.t('Parity: the build failed: {0}', error.message), open, vscode.l10n.t('Show Log')).then(async (choice) => {
                if (choice === open) {
                    const line = Math.max(0, (error.line ?? 1) - 1);
                    await vscode.window.showTextDocument(dockerfile, { selection: new vscode.Range(line, 0, line, 0) });
                } else if (choice) {
                    deps.log.show();
                }
            });
            return undefined;
        }
        throw error;
    }
}

function reportBuildEvent(deps: ExtensionDeps, progress: vscode.Progress<{ message?: string }>, event: BuildEvent): void {
    switch (event.type) {
        case 'step-started':
            if (!event.step.internal) {
                progress.report({ message: event.step.name });
                deps.log.info(`=> ${event.step.name}`);
            }
            break;
        case 'step-cached':
            deps.log.info(`=> ${event.step.name}: cached`);
            break;
        case 'step-completed':
            if (!event.step.internal) {
                deps.log.info(`=> ${event.step.name}: done${event.durationMs === undefined ? '' : ` in ${(event.durationMs / 1000).toFixed(1)} s`}`);
            }
            break;
        case 'step-failed':
            deps.log.error(`=> ${event.step.name}: ${event.error}`);
            break;
        case 'log':
            deps.log.info(`   ${event.text.trimEnd()}`);
            break;
        case 'warning':
            deps.log.warn(event.message);
            break;
        case 'image':
            break;
    }
}
