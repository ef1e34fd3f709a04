import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Snapshot } from '../../../core/snapshot/Snapshot';
import type { EngineClient } from '../../../engine/EngineClient';
import { abortSignalFor } from '../../abortSignalFor';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { containerTargets } from '../containers/containerTargets';
import { imageTargets } from '../images/imageTargets';

type Pipeline = typeof import('../../lazy/pipelineModule');

/** One side of a comparison: a name for the tab, and how to get its snapshot. */
interface Side {
    readonly name: string;
    readonly take: (pipeline: Pipeline, client: () => Promise<EngineClient>, signal: AbortSignal) => Promise<Snapshot>;
}

export interface DiffResult {
    readonly left: vscode.Uri;
    readonly right: vscode.Uri;
}

/**
 * Parity: Diff with Target… — from an Images or Containers row: what runs there (the image probed in a
 * throwaway container, or the running container) next to a target the user picks — this machine as the
 * project sees it, or a saved snapshot — in VS Code's diff editor, one line per fact, so every difference
 * (runtime, OS and libc, locale, timezone, user, limits, CAs …) is a highlighted line. `target` skips the
 * pick: a workspace folder Uri (this machine) or a snapshot file Uri.
 */
export async function diffWithTarget(deps: ExtensionDeps, node?: unknown, target?: unknown): Promise<DiffResult | undefined> {
    const subject = subjectOf(deps, node);
    if (!subject) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Parity: pick an image or a running container in the Parity views to diff it with a target.'));
        return undefined;
    }
    const other = target instanceof vscode.Uri ? sideOfUri(target, deps) : await pickTarget(deps);
    if (!other) {
        return undefined;
    }
    try {
        const pipeline = await import('../../lazy/pipelineModule');
        const [left, right] = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Parity: comparing {0} with {1}…', subject.name, other.name), cancellable: true },
            (_progress, token) => {
                const signal = abortSignalFor(token);
                const client = (): Promise<EngineClient> => deps.engine.client();
                return Promise.all([other.take(pipeline, client, signal), subject.take(pipeline, client, signal)]);
            },
        );
        const leftUri = deps.snapshots.add(other.name, pipeline.formatSnapshotText(left, []));
        const rightUri = deps.snapshots.add(subject.name, pipeline.formatSnapshotText(right, []));
        await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${other.name} ↔ ${subject.name}`, { preview: false });
        return { left: leftUri, right: rightUri };
    } catch (error) {
        if (isAbortError(error)) {
            return undefined;
        }
        deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(vscode.l10n.t('Parity: the comparison failed: {0}', error instanceof Error ? error.message : String(error)), vscode.l10n.t('Show Log'))
            .then((choice) => choice && deps.log.show());
        return undefined;
    }
}

/** The image or container of the row the command was invoked on. */
function subjectOf(deps: ExtensionDeps, node: unknown): Side | undefined {
    const [image] = imageTargets(node, undefined);
    if (image) {
        const ref = image.dangling ? image.id : image.name;
        return { name: image.name, take: async (pipeline, client, signal) => pipeline.probeImage(await client(), ref, { log: deps.log, toolVersion: deps.version, signal }) };
    }
    const [container] = containerTargets(node, undefined);
    if (container) {
        return {
            name: container.name,
            take: async (pipeline, client, signal) => {
                if (container.state !== 'running') {
                    throw new Error(vscode.l10n.t('{0} is {1}: only a running container can be compared. Start it, or diff its image.', container.name, container.state));
                }
                return pipeline.probeContainer(await client(), container.id, { log: deps.log, toolVersion: deps.version, signal });
            },
        };
    }
    return undefined;
}

/** This machine as a workspace folder sees it, or a saved snapshot file. */
function sideOfUri(uri: vscode.Uri, deps: ExtensionDeps): Side {
    if (uri.path.endsWith('.json')) {
        const name = vscode.workspace.asRelativePath(uri, false);
        // Validated in full against the schema: a saved snapshot is a file of the workspace, so hostile input.
        return { name, take: async (pipeline) => pipeline.parseSnapshot(await readFile(uri.fsPath, 'utf8'), name) };
    }
    const name = vscode.l10n.t('this machine ({0})', uri.path.split('/').pop() ?? uri.fsPath);
    return { name, take: (pipeline, _client, signal) => pipeline.captureHost(uri.fsPath, { toolVersion: deps.version, log: deps.log, signal }) };
}

/** The targets there are: this machine for each workspace folder, then the snapshots saved in the workspace. */
async function pickTarget(deps: ExtensionDeps): Promise<Side | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const files = await vscode.workspace.findFiles('**/.parity/*.snapshot.json', '**/node_modules/**', 200);
    const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = [
        ...folders.map((folder) => ({ label: `$(device-desktop) ${vscode.l10n.t('This machine')}`, description: folder.name, detail: vscode.l10n.t('Snapshot this machine now, as the project in {0} sees it', folder.name), uri: folder.uri })),
        ...(files.length > 0 ? [{ label: vscode.l10n.t('Saved snapshots'), kind: vscode.QuickPickItemKind.Separator }] : []),
        ...files.sort((a, b) => a.path.localeCompare(b.path)).map((file) => ({ label: `$(file) ${file.path.split('/').pop() ?? file.fsPath}`, description: vscode.workspace.asRelativePath(file, true), uri: file })),
    ];
    if (items.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Parity: open a folder, or save a snapshot, to have a target to diff with.'));
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Parity: Diff with Target'), placeHolder: vscode.l10n.t('Compare with which environment?'), matchOnDescription: true });
    return picked?.uri ? sideOfUri(picked.uri, deps) : undefined;
}
