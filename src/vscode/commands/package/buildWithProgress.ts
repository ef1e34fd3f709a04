import * as vscode from 'vscode';
import type { BuildEvent } from '../../../core/build/BuildEvent';
import type { BuildResult } from '../../../engine/build/buildImage';
import type { BuildExtras } from '../../../pipeline/packageProject';
import type { RecipeOutcome } from '../../../core/recipe/recipeOutcomes';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { abortSignalFor } from '../../abortSignalFor';

/**
 * Runs a build of the folder's Dockerfile (Parity's or the user's) — `run` is the pipeline's own build call —
 * with a cancellable progress notification, the steps in the log, the Images view refreshed afterwards, and
 * a failed step as a Problems entry on its line (then undefined: the failure was reported). `wrote`: what
 * packaging did to the recipe's files, said in the "built" message.
 */
export async function buildWithProgress(
    deps: ExtensionDeps,
    folder: vscode.Uri,
    tag: string,
    run: (extras: BuildExtras) => Promise<BuildResult>,
    dockerfileName = 'Dockerfile',
    wrote: readonly RecipeOutcome[] = [],
): Promise<BuildResult | undefined> {
    const pipeline = await import('../../lazy/pipelineModule');
    const dockerfile = vscode.Uri.joinPath(folder, dockerfileName);
    deps.buildDiagnostics.clear(dockerfile);
    try {
        const result = await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: vscode.l10n.t('Parity: building {0}', tag),
                cancellable: true,
            },
            (progress, token) =>
                run({
                    signal: abortSignalFor(token),
                    onContext: (context) =>
                        deps.log.info(
                            `Build context: ${context.fileCount} files, ${(context.size / 1024).toFixed(0)} KiB`,
                        ),
                    onEvent: (event) => reportBuildEvent(deps, progress, event),
                }),
        );
        deps.engineViews.forEach((view) => view.refresh());
        const runIt = vscode.l10n.t('Run in Sandbox');
        const compare = vscode.l10n.t('Compare with This Machine');
        const built = vscode.l10n.t(
            'Parity: built {0} ({1}) in {2} s.',
            result.tag,
            result.imageId.replace('sha256:', '').slice(0, 12),
            (result.durationMs / 1000).toFixed(1),
        );
        void vscode.window
            .showInformationMessage(
                wrote.length === 0 ? built : vscode.l10n.t('{0} Files: {1}.', built, wrote.map(outcomeText).join(', ')),
                runIt,
                compare,
                vscode.l10n.t('Show Log'),
            )
            .then((choice) => {
                if (choice === runIt) {
                    void vscode.commands.executeCommand('parity.sandbox.run', `image:${result.tag}`);
                } else if (choice === compare) {
                    // This machine as the project sees it against the image just built from it.
                    void vscode.commands.executeCommand('parity.diff.withTarget', {
                        from: `host:${folder.fsPath}`,
                        to: `image:${result.tag}`,
                        via: false,
                    });
                } else if (choice) {
                    deps.log.show();
                }
            });
        return result;
    } catch (error) {
        if (error instanceof pipeline.BuildError) {
            deps.buildDiagnostics.show(dockerfile, error.line, error.message, error.logTail);
            deps.log.error(`${error.message}\n${error.logTail.join('\n')}`);
            const open = vscode.l10n.t('Open Dockerfile');
            void vscode.window
                .showErrorMessage(
                    vscode.l10n.t('Parity: the build failed: {0}', error.message),
                    open,
                    vscode.l10n.t('Show Log'),
                )
                .then(async (choice) => {
                    if (choice === open) {
                        const line = Math.max(0, (error.line ?? 1) - 1);
                        await vscode.window.showTextDocument(dockerfile, {
                            selection: new vscode.Range(line, 0, line, 0),
                        });
                    } else if (choice) {
                        deps.log.show();
                    }
                });
            return undefined;
        }
        throw error;
    }
}

function outcomeText(outcome: RecipeOutcome): string {
    switch (outcome.how) {
        case 'written':
            return vscode.l10n.t('{0} (written)', outcome.name);
        case 'updated':
            return vscode.l10n.t('{0} (updated)', outcome.name);
        case 'unchanged':
            return vscode.l10n.t('{0} (unchanged)', outcome.name);
        case 'replaced':
            return vscode.l10n.t('{0} (replaced, as you chose)', outcome.name);
        case 'kept':
            return vscode.l10n.t('{0} (yours, kept)', outcome.name);
    }
}

function reportBuildEvent(
    deps: ExtensionDeps,
    progress: vscode.Progress<{ message?: string }>,
    event: BuildEvent,
): void {
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
                deps.log.info(
                    `=> ${event.step.name}: done${event.durationMs === undefined ? '' : ` in ${(event.durationMs / 1000).toFixed(1)} s`}`,
                );
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
