import * as path from 'node:path';
import * as vscode from 'vscode';
import { recipePlanOptions } from '../../recipePlanOptions';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { abortSignalFor } from '../../abortSignalFor';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { buildWithProgress } from './buildWithProgress';
import { confirmRecipe } from './confirmRecipe';
import { askPort } from './askPort';
import { type PlanOverrides, reviewPlan } from './reviewPlan';
import type { Plan } from '../../../core/plan/Plan';

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
 * Parity: Package App — the pipeline's packageProject with the editor's hooks: the snapshot under a
 * cancellable notification, the plan reviewed in a quick pick, a diff and a yes before a file of the user's
 * is replaced, the build with live, cancellable progress (a failed step becomes a Problems entry on its
 * Dockerfile line). What the snapshot could not read is in the log and a warning. Returns the image
 * (undefined when stopped or failed).
 */
export async function packageApp(
    deps: ExtensionDeps,
    folderArg?: unknown,
    options?: unknown,
): Promise<PackageResult | undefined> {
    // Command arguments arrive untyped (keybindings, other extensions): read only what is really there.
    const interactive = !(
        typeof options === 'object' &&
        options !== null &&
        (options as PackageOptions).interactive === false
    );
    const folder = await pickWorkspaceFolder(folderArg, vscode.l10n.t('Package which folder?'));
    if (!folder) {
        return undefined;
    }
    try {
        const status = await deps.engine.checkStatus();
        const pipeline = await import('../../lazy/pipelineModule');
        const client = await deps.engine.client();
        const planOptions = recipePlanOptions();
        const packaged = await pipeline.packageProject(client, folder.fsPath, {
            log: deps.log,
            toolVersion: deps.version,
            plan: planOptions,
            buildkit: status.buildkit,
            hooks: {
                planning: async (work) =>
                    await vscode.window.withProgress(
                        {
                            location: vscode.ProgressLocation.Notification,
                            title: vscode.l10n.t(
                                'Parity: looking at what {0} runs on…',
                                vscode.workspace.asRelativePath(folder, true) || folder.fsPath,
                            ),
                            cancellable: true,
                        },
                        (_progress, token) => work(abortSignalFor(token)),
                    ),
                review: async ({ snapshot, plan }) => {
                    showCaptureIssues(
                        deps,
                        snapshot.issues.filter((issue) => issue.severity !== 'info').map(pipeline.issueText),
                    );
                    deps.log.info(`Plan for ${folder.fsPath}\n${pipeline.planToText(plan)}`);
                    if (!interactive) {
                        return plan;
                    }
                    const replan = (overrides: PlanOverrides): Plan =>
                        pipeline.planFromSnapshot(snapshot, {
                            ...planOptions,
                            projectRoot: plan.projectRoot,
                            overrides,
                        });
                    // No port found: ask before the review, so the plan shown already has the answer.
                    let given: PlanOverrides = {};
                    if (plan.port.value === null) {
                        const port = await askPort(
                            plan.appRoot === '.' ? path.basename(plan.projectRoot) : plan.appRoot,
                        );
                        if (port === undefined) {
                            return undefined;
                        }
                        given = { port };
                    }
                    const reviewed = await reviewPlan(
                        Object.keys(given).length > 0 ? replan(given) : plan,
                        replan,
                        async (shown) => {
                            await vscode.window.showTextDocument(vscode.Uri.file(await pipeline.savePlan(shown)), {
                                preview: true,
                            });
                        },
                        given,
                    );
                    return reviewed?.plan;
                },
                ...(interactive ? { confirm: (files) => confirmRecipe(files, deps.proposed) } : {}),
                build: (tag, run, wrote) => buildWithProgress(deps, folder, tag, run, 'Dockerfile', wrote),
            },
        });
        return packaged?.build && { tag: packaged.build.tag, imageId: packaged.build.imageId };
    } catch (error) {
        deps.log.error(error instanceof Error ? error : String(error));
        if (
            !(
                error instanceof Error &&
                (error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled')
            )
        ) {
            void vscode.window
                .showErrorMessage(
                    vscode.l10n.t(
                        'Parity: packaging failed: {0}',
                        error instanceof Error ? error.message : String(error),
                    ),
                    vscode.l10n.t('Show Log'),
                )
                .then((choice) => choice && deps.log.show());
        }
        return undefined;
    }
}

/** The snapshot's warnings (a malformed package.json, a pin that is not a version): the plan was made without them. */
function showCaptureIssues(deps: ExtensionDeps, lines: readonly string[]): void {
    if (lines.length === 0) {
        return;
    }
    const [first] = lines;
    const message =
        lines.length === 1
            ? vscode.l10n.t('Parity: {0}', first ?? '')
            : lines.length === 2
              ? vscode.l10n.t('Parity: {0} (and 1 more issue — see the log)', first ?? '')
              : vscode.l10n.t('Parity: {0} (and {1} more issues — see the log)', first ?? '', lines.length - 1);
    void vscode.window
        .showWarningMessage(message, vscode.l10n.t('Show Log'))
        .then((choice) => choice && deps.log.show());
}
