import { basename } from 'node:path';
import * as vscode from 'vscode';
import { type DiffTarget, formatDiffTarget, parseDiffTarget } from '../../../core/diff/DiffTarget';
import type { LikeNote } from '../../../core/sandbox/planLikeTarget';
import { currentOwner, ownerLabel } from '../../../core/sandbox/sandboxOwner';
import { readSandboxSettings } from '../../config';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { pickWorkspaceFolder } from '../../pickWorkspaceFolder';
import { containerTargets } from '../containers/containerTargets';
import { pickDiffSide } from '../diff/pickDiffSide';
import { imageTargets } from '../images/imageTargets';
import { type RunResult, sandboxInTerminal } from './sandboxInTerminal';

/**
 * Arguments that skip the picks (the Targets view, tests): the target as the CLI writes it, the project folder,
 * and values for some of the target's variables — passed to the sandbox only, like the ones typed in.
 */
export interface RunLikeArgs {
    readonly like: string;
    readonly folder?: string;
    readonly values?: Readonly<Record<string, string>>;
}

/**
 * Parity: Run like Target… — the project in the sandbox the way a target runs: the image rebuilt on the
 * target's runtime version, its TZ, locale, limits, ulimits and user, and its variables by name; values the
 * project's .env does not have are asked for in password boxes and go into the sandbox only. What was taken,
 * capped or refused (root, a limit above the cap, a value that is not one) is written in the sandbox's
 * terminal. Arguments: a target string (`container:web@tcp://…`, `file:.parity/prod.snapshot.json`), an Images
 * or Containers row, or RunLikeArgs; then the folder (a Uri) — each picked when not given. From the Explorer,
 * the folder's Uri alone.
 */
export async function runLikeTarget(
    deps: ExtensionDeps,
    arg?: unknown,
    folderArg?: unknown,
): Promise<RunResult | undefined> {
    // From the Explorer the folder comes first, and the target is picked.
    if (arg instanceof vscode.Uri) {
        return runLikeTarget(deps, undefined, arg);
    }
    let like: DiffTarget | undefined;
    try {
        like = await targetOf(deps, arg);
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: {0}', error instanceof Error ? error.message : String(error)),
        );
        return undefined;
    }
    if (!like) {
        return undefined;
    }
    const given =
        typeof arg === 'object' && arg !== null && typeof (arg as RunLikeArgs).folder === 'string'
            ? vscode.Uri.file((arg as RunLikeArgs).folder as string)
            : folderArg;
    const folder = (
        await pickWorkspaceFolder(given, vscode.l10n.t('Run which folder like {0}?', formatDiffTarget(like)))
    )?.fsPath;
    if (!folder) {
        return undefined;
    }
    const target = like;
    const targetName = formatDiffTarget(target);
    const preset = typeof arg === 'object' && arg !== null ? ((arg as Partial<RunLikeArgs>).values ?? {}) : {};
    return sandboxInTerminal(deps, {
        name: vscode.l10n.t('{0} like {1}', basename(folder), targetName),
        start: async ({ pipeline, client, signal, abort, terminal }) => {
            const settings = await readSandboxSettings(folder, pipeline.readProjectDotenv);
            return vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: vscode.l10n.t('Parity: running {0} like {1}', basename(folder), targetName),
                    cancellable: true,
                },
                async (progress, token) => {
                    token.onCancellationRequested(abort);
                    progress.report({ message: vscode.l10n.t('capturing the target and planning…') });
                    return pipeline.runLikeTarget(client, folder, target, {
                        settings: { ...settings, ownerLabel: ownerLabel(currentOwner()) },
                        clientFor: (engine) => (engine ? deps.targetEngines.client(engine) : Promise.resolve(client)),
                        base: folder,
                        envValues: async (names) => {
                            progress.report({ message: vscode.l10n.t("values for the target's variables…") });
                            return askValues(targetName, names, preset, token);
                        },
                        onNote: (note) =>
                            terminal.note(
                                noteLine(note),
                                note.kind === 'capped' || note.kind === 'refused' ? 'yellow' : 'dim',
                            ),
                        log: deps.log,
                        toolVersion: deps.version,
                        signal,
                        onBuildEvent: (event) => {
                            progress.report({ message: vscode.l10n.t('building…') });
                            terminal.build(event);
                        },
                        onEvent: (event) => terminal.sandbox(event),
                    });
                },
            );
        },
    });
}

async function targetOf(deps: ExtensionDeps, arg: unknown): Promise<DiffTarget | undefined> {
    if (typeof arg === 'string' && arg !== '') {
        return parseDiffTarget(arg);
    }
    if (typeof arg === 'object' && arg !== null && typeof (arg as RunLikeArgs).like === 'string') {
        return parseDiffTarget((arg as RunLikeArgs).like);
    }
    const [image] = arg === undefined ? [] : imageTargets(arg, undefined);
    if (image) {
        return { kind: 'image', ref: image.dangling ? image.id : image.name };
    }
    const [container] = arg === undefined ? [] : containerTargets(arg, undefined);
    if (container) {
        return { kind: 'container', name: container.name };
    }
    return pickDiffSide(
        deps,
        vscode.l10n.t('Run the project like which environment? (where the app runs)'),
        undefined,
        {
            title: vscode.l10n.t('Parity: Run like Target'),
            withoutMachine: true,
        },
    );
}

/**
 * One password box per variable the .env does not have: the value goes into the sandbox's environment only —
 * never logged, never saved. Empty runs without it; Escape stops the run.
 */
async function askValues(
    targetName: string,
    names: readonly string[],
    preset: Readonly<Record<string, string>>,
    token: vscode.CancellationToken,
): Promise<Record<string, string> | undefined> {
    const values: Record<string, string> = {};
    for (const [index, name] of names.entries()) {
        if (Object.hasOwn(preset, name)) {
            values[name] = preset[name] as string;
            continue;
        }
        const value = await vscode.window.showInputBox(
            {
                title: vscode.l10n.t('Run like {0} ({1}/{2})', targetName, index + 1, names.length),
                prompt: vscode.l10n.t(
                    '{0} is set on {1} and not in .env: its value for the sandbox (never saved or logged; empty runs without it)',
                    name,
                    targetName,
                ),
                placeHolder: name,
                password: true,
                ignoreFocusOut: true,
            },
            token,
        );
        if (value === undefined) {
            return undefined;
        }
        if (value !== '') {
            values[name] = value;
        }
    }
    return values;
}

function noteLine(note: LikeNote): string {
    return `${{ taken: '✓', capped: '↓', refused: '✗', kept: '·' }[note.kind]} ${note.message}`;
}
