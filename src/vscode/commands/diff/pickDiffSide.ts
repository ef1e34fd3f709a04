import * as vscode from 'vscode';
import { type DiffTarget, formatDiffTarget } from '../../../core/diff/DiffTarget';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { readSavedTargets } from '../../targets/readSavedTargets';

interface SideItem extends vscode.QuickPickItem {
    readonly target?: DiffTarget;
}

export interface PickSideOptions {
    readonly title?: string;
    /** Leave out "This machine" (Run like Target runs like somewhere else). */
    readonly withoutMachine?: boolean;
}

/**
 * A quick pick of the environments there are to compare: this machine for each workspace folder, the
 * saved targets of the Targets view (remote engines included), the snapshots saved in the workspace, then —
 * once the engine answers — its tagged images and running containers. `except` (the other side, already chosen) is left out. Undefined when dismissed.
 */
export async function pickDiffSide(
    deps: ExtensionDeps,
    placeholder: string,
    except?: DiffTarget,
    options: PickSideOptions = {},
): Promise<DiffTarget | undefined> {
    const skip = except ? formatDiffTarget(except) : undefined;
    const keep = (items: readonly SideItem[]): SideItem[] =>
        items.filter((item) => !item.target || formatDiffTarget(item.target) !== skip);
    const pick = vscode.window.createQuickPick<SideItem>();
    pick.title = options.title ?? vscode.l10n.t('Parity: Diff with Target');
    pick.placeholder = placeholder;
    pick.matchOnDescription = true;
    const machine = (): SideItem[] => (options.withoutMachine ? [] : machineItems());
    pick.items = keep(machine());
    pick.busy = true;
    // Shown at once; saved snapshots and the engine's images and containers join the list as they arrive.
    const controller = new AbortController();
    const found: { saved: SideItem[]; snapshots: SideItem[]; engine: SideItem[] } = {
        saved: [],
        snapshots: [],
        engine: [],
    };
    const update = (): void => {
        pick.items = keep([...machine(), ...found.saved, ...found.snapshots, ...found.engine]);
    };
    void Promise.allSettled([
        savedTargetItems().then((items) => {
            found.saved = items;
            update();
        }),
        snapshotItems().then((items) => {
            found.snapshots = items;
            update();
        }),
        engineItems(deps, controller.signal).then(
            (items) => {
                found.engine = items;
                update();
            },
            (error: unknown) => {
                deps.log.warn(
                    `Diff with Target: the engine's images and containers are not listed: ${error instanceof Error ? error.message : String(error)}`,
                );
            },
        ),
    ]).then(() => {
        pick.busy = false;
    });
    try {
        return await new Promise<DiffTarget | undefined>((resolve) => {
            pick.onDidAccept(() => resolve(pick.selectedItems[0]?.target));
            pick.onDidHide(() => resolve(undefined));
            pick.show();
        });
    } finally {
        controller.abort();
        pick.dispose();
    }
}

function machineItems(): SideItem[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
        label: `$(device-desktop) ${vscode.l10n.t('This machine')}`,
        description: folder.name,
        detail: vscode.l10n.t('Snapshot this machine now, as the project in {0} sees it', folder.name),
        target: { kind: 'host', path: folder.uri.fsPath },
    }));
}

/** The Targets view's saved targets (settings and .parity/config.json), by their names. */
async function savedTargetItems(): Promise<SideItem[]> {
    const { targets } = await readSavedTargets();
    if (targets.length === 0) {
        return [];
    }
    return [
        { label: vscode.l10n.t('Saved targets'), kind: vscode.QuickPickItemKind.Separator },
        ...targets.map(
            (saved): SideItem => ({
                label: `$(remote-explorer) ${saved.name}`,
                description: saved.text,
                ...(saved.description ? { detail: saved.description } : {}),
                target: saved.target,
            }),
        ),
    ];
}

async function snapshotItems(): Promise<SideItem[]> {
    const files = await vscode.workspace.findFiles('**/.parity/*.snapshot.json', '**/node_modules/**', 200);
    if (files.length === 0) {
        return [];
    }
    return [
        { label: vscode.l10n.t('Saved snapshots'), kind: vscode.QuickPickItemKind.Separator },
        ...files
            .sort((a, b) => a.path.localeCompare(b.path))
            .map(
                (file): SideItem => ({
                    label: `$(file) ${file.path.split('/').pop() ?? file.fsPath}`,
                    description: vscode.workspace.asRelativePath(file, true),
                    target: { kind: 'file', path: file.fsPath },
                }),
            ),
    ];
}

/** Tagged images (this project's own builds first) and running containers. */
async function engineItems(deps: ExtensionDeps, signal: AbortSignal): Promise<SideItem[]> {
    const client = await deps.engine.client();
    const [images, containers] = await Promise.all([client.listImages(signal), client.listContainers(signal)]);
    const tags = images
        .flatMap((image) => (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'))
        .sort((a, b) => Number(b.endsWith(':parity')) - Number(a.endsWith(':parity')) || a.localeCompare(b));
    const running = containers.filter((container) => container.State === 'running');
    return [
        ...(tags.length > 0 ? [{ label: vscode.l10n.t('Images'), kind: vscode.QuickPickItemKind.Separator }] : []),
        ...tags.map(
            (tag): SideItem => ({
                label: `$(package) ${tag}`,
                description: tag.endsWith(':parity') ? vscode.l10n.t('built by Parity') : '',
                detail: vscode.l10n.t('Probe the image in a throwaway container'),
                target: { kind: 'image', ref: tag },
            }),
        ),
        ...(running.length > 0
            ? [{ label: vscode.l10n.t('Running containers'), kind: vscode.QuickPickItemKind.Separator }]
            : []),
        ...running.map((container): SideItem => {
            const name = (container.Names[0] ?? container.Id).replace(/^\//, '');
            return {
                label: `$(vm-running) ${name}`,
                description: container.Image,
                target: { kind: 'container', name },
            };
        }),
    ];
}
