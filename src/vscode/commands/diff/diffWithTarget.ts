import { basename, isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';
import { LAST_DIFF_FILE } from '../../../core/lsp/parityProtocol';
import type { DiffReport } from '../../../core/diff/DiffReport';
import { type DiffTarget, formatDiffTarget, parseDiffTarget } from '../../../core/diff/DiffTarget';
import type { EngineRef } from '../../../core/targetAddress';
import type { EngineClient } from '../../../engine/EngineClient';
import { abortSignalFor } from '../../abortSignalFor';
import { readDiffSettings } from '../../config';
import { threeWayVia } from '../../diff/threeWayVia';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { withHostKeyTrust } from '../../targets/withHostKeyTrust';
import { containerTargets } from '../containers/containerTargets';
import { imageTargets } from '../images/imageTargets';
import { pickDiffSide } from './pickDiffSide';

type Pipeline = typeof import('../../lazy/pipelineModule');

/** What the command returns (for automation and tests): the report and the document showing it. */
export interface DiffCommandResult {
    readonly report: DiffReport;
    readonly uri: vscode.Uri;
}

/**
 * Arguments that skip every pick: targets as the CLI writes them (`host:PATH`, `image:REF`,
 * `container:NAME`, `swarm:SERVICE`, `registry:REF`, the engine kinds optionally `@ENGINE`, `file:PATH`);
 * `from` defaults to this machine. `via`: a three-way middle side, or false
 * for none (default: the project's built image, when it exists).
 */
export interface DiffCommandArgs {
    readonly from?: string;
    readonly to: string;
    readonly via?: string | false;
}

interface Request {
    readonly from: DiffTarget;
    readonly to: DiffTarget;
    readonly via?: DiffTarget | false;
}

/**
 * Parity: Diff with Target… — compares two environments (this machine, an image, a running container, a saved
 * snapshot) and shows the result as a read-only Parity Report beside the editor, the findings in the Findings
 * view and, at their fix locations, in Problems with quick fixes; the status bar keeps the counts. From the
 * palette both sides are picked; from an Images or Containers row, the row is the `to` side. When this machine,
 * the project's built image and another target are compared, the image goes between them (three-way).
 * Arguments: a row and a Uri (a workspace folder or a snapshot file, the `from` side), or DiffCommandArgs.
 */
export async function diffWithTarget(
    deps: ExtensionDeps,
    arg?: unknown,
    target?: unknown,
): Promise<DiffCommandResult | undefined> {
    let request: Request | undefined;
    try {
        request = await requestOf(deps, arg, target);
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: {0}', error instanceof Error ? error.message : String(error)),
        );
        return undefined;
    }
    if (!request) {
        return undefined;
    }
    const folder = projectFolderOf(request);
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const rules = pipeline.diffRulesFromSettings(readDiffSettings(folder));
        // Each side on its own engine (`@ENGINE`), the same client for every side that names the same one.
        const client = (engine?: EngineRef): Promise<EngineClient> => deps.targetEngines.client(engine);
        const title = vscode.l10n.t('Parity: comparing {0} with {1}…', nameOf(request.from), nameOf(request.to));
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title, cancellable: true },
            async (_progress, token) => {
                const signal = abortSignalFor(token);
                const via =
                    request.via === false
                        ? undefined
                        : (request.via ?? (await builtImageVia(pipeline, client, request, signal)));
                const inProject = (side: DiffTarget): DiffTarget =>
                    folder ? relativeTarget(side, folder.fsPath) : side;
                // An ssh engine with an unknown host key is a question; trusted, the comparison runs again.
                return withHostKeyTrust(
                    () =>
                        pipeline.diffTargets({
                            from: inProject(request.from),
                            to: inProject(request.to),
                            ...(via ? { via } : {}),
                            // Paths inside the project are given relative to it, so the report reads host:. as the CLI's does.
                            ...(folder ? { projectRoot: folder.fsPath, base: folder.fsPath } : {}),
                            rules,
                            client,
                            log: deps.log,
                            toolVersion: deps.version,
                            signal,
                        }),
                    () => deps.targetEngines.reset(),
                );
            },
        );
        if (!result) {
            return undefined;
        }
        const { report, snapshots, ...captured } = result;
        const text = pipeline.renderDiffReport(report, 'text');
        const uri = deps.reports.add(`${nameOf(request.from)} ↔ ${nameOf(request.to)}`, text);
        deps.diffDiagnostics.show(folder, report.findings);
        deps.findings.showReport(folder, report, uri, text);
        deps.lastDiff.set({ report, uri, text, ...(folder ? { folder } : {}), snapshots, captured });
        if (folder) {
            // Kept in the project's .parity/ (never through a link), so the language server has the findings after a reload too.
            void pipeline
                .writeProjectFile(
                    folder.fsPath,
                    LAST_DIFF_FILE,
                    `${pipeline.renderDiffReport(report, 'json').trimEnd()}\n`,
                )
                .catch((error: unknown) =>
                    deps.log.warn(
                        `Diff with Target: ${LAST_DIFF_FILE} not written: ${error instanceof Error ? error.message : String(error)}`,
                    ),
                );
        }
        const document = await vscode.workspace.openTextDocument(uri);
        // Beside the file being worked on; in the editor area itself when nothing is open (no empty group left of it).
        const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
        return { report, uri };
    } catch (error) {
        if (isAbortError(error)) {
            return undefined;
        }
        deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window
            .showErrorMessage(
                vscode.l10n.t(
                    'Parity: the comparison failed: {0}',
                    error instanceof Error ? error.message : String(error),
                ),
                vscode.l10n.t('Show Log'),
            )
            .then((choice) => choice && deps.log.show());
        return undefined;
    }
}

async function requestOf(deps: ExtensionDeps, arg: unknown, target: unknown): Promise<Request | undefined> {
    if (isArgs(arg)) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const from =
            arg.from === undefined
                ? folder
                    ? { kind: 'host' as const, path: folder.fsPath }
                    : undefined
                : parseDiffTarget(arg.from);
        if (!from) {
            throw new Error(vscode.l10n.t('open a folder, or name the from side, to diff with a target.'));
        }
        return {
            from,
            to: parseDiffTarget(arg.to),
            ...(arg.via === undefined ? {} : { via: arg.via === false ? false : parseDiffTarget(arg.via) }),
        };
    }
    const row = rowTarget(arg);
    if (arg !== undefined && !row) {
        throw new Error(
            vscode.l10n.t('pick an image or a running container in the Parity views to diff it with a target.'),
        );
    }
    if (row) {
        const from =
            target instanceof vscode.Uri
                ? uriTarget(target)
                : await pickDiffSide(deps, vscode.l10n.t('Compare {0} with which environment?', nameOf(row)), row);
        return from && { from, to: row };
    }
    const from = await pickDiffSide(deps, vscode.l10n.t('Compare which environment? (the one where the app works)'));
    if (!from) {
        return undefined;
    }
    const to = await pickDiffSide(deps, vscode.l10n.t('…with which environment? (where it is going)'), from);
    return to && { from, to };
}

function isArgs(value: unknown): value is DiffCommandArgs {
    return typeof value === 'object' && value !== null && typeof (value as DiffCommandArgs).to === 'string';
}

/** The image or running container of the row the command was invoked on. */
function rowTarget(node: unknown): DiffTarget | undefined {
    if (node === undefined) {
        return undefined;
    }
    const [image] = imageTargets(node, undefined);
    if (image) {
        return { kind: 'image', ref: image.dangling ? image.id : image.name };
    }
    const [container] = containerTargets(node, undefined);
    if (container) {
        if (container.state !== 'running') {
            throw new Error(
                vscode.l10n.t(
                    '{0} is {1}: only a running container can be compared. Start it, or diff its image.',
                    container.name,
                    container.state,
                ),
            );
        }
        return { kind: 'container', name: container.name };
    }
    return undefined;
}

/** A workspace folder is this machine as its project sees it; a .json file is a saved snapshot. */
function uriTarget(uri: vscode.Uri): DiffTarget {
    return uri.path.endsWith('.json') ? { kind: 'file', path: uri.fsPath } : { kind: 'host', path: uri.fsPath };
}

/** The folder fixes point into: the host side's project, else the only workspace folder. */
function projectFolderOf(request: Request): vscode.Uri | undefined {
    const host = [request.from, request.to, request.via].find(
        (side): side is DiffTarget & { kind: 'host' } => typeof side === 'object' && side.kind === 'host',
    );
    if (host) {
        return vscode.Uri.file(host.path);
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length === 1 ? folders[0]?.uri : undefined;
}

/** The project's built image as the middle side, when this machine is `from` and the image exists. */
async function builtImageVia(
    pipeline: Pipeline,
    client: (engine?: EngineRef) => Promise<EngineClient>,
    request: Request,
    signal: AbortSignal,
): Promise<DiffTarget | undefined> {
    if (request.from.kind !== 'host' || request.to.kind === 'host') {
        return undefined;
    }
    const tag = pipeline.imageTagFor(request.from.path);
    const exists = await client()
        .then((engine) => engine.inspectImage(tag, signal))
        .then(
            () => true,
            () => false,
        );
    return threeWayVia(request.from, request.to, exists ? tag : undefined);
}

/** A host or file side inside `root` as a path relative to it (`.` for the root); others as they are. */
function relativeTarget(target: DiffTarget, root: string): DiffTarget {
    if (target.kind !== 'host' && target.kind !== 'file') {
        return target;
    }
    const path = relative(root, target.path);
    return path.startsWith('..') || isAbsolute(path) ? target : { ...target, path: path === '' ? '.' : path };
}

function nameOf(target: DiffTarget): string {
    if (target.kind === 'host') {
        return vscode.l10n.t('this machine ({0})', basename(target.path));
    }
    return target.kind === 'file' ? vscode.workspace.asRelativePath(target.path, true) : formatDiffTarget(target);
}
