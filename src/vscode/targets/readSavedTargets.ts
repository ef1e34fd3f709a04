import { isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { DiffTarget } from '../../core/diff/DiffTarget';
import { readBoundedFile } from '../../core/readBoundedFile';
import { parseSavedTargets } from '../../core/savedTargets/parseSavedTargets';
import type { SavedTarget, SavedTargetOrigin, SavedTargetProblem } from '../../core/savedTargets/SavedTarget';

export const CONFIG_FILE = '.parity/config.json';
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface SavedTargets {
    readonly targets: readonly SavedTarget[];
    readonly problems: readonly SavedTargetProblem[];
    /** Restricted Mode: the folder's own targets (workspace settings, .parity/config.json) were not read. */
    readonly folderTargetsSkipped: boolean;
}

/**
 * Every saved target of the window: the user's `parity.targets`, the workspace's `parity.targets`, then each
 * folder's `.parity/config.json#targets` (read bounded and confined to the folder: a cloned repository is
 * hostile input). In Restricted Mode only the user's own list counts — a repository must not make the view
 * connect to an engine it names. `file:` paths are resolved against the folder they were written for.
 */
export async function readSavedTargets(): Promise<SavedTargets> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const trusted = vscode.workspace.isTrusted;
    const where = vscode.workspace.getConfiguration('parity').inspect<unknown>('targets');
    const targets: SavedTarget[] = [];
    const problems: SavedTargetProblem[] = [];
    const add = (value: unknown, origin: SavedTargetOrigin, base: string | undefined): void => {
        const parsed = parseSavedTargets(value, origin, new Set(targets.map((target) => target.name)));
        targets.push(...parsed.targets.map((target) => ({ ...target, target: resolveFile(target.target, base) })));
        problems.push(...parsed.problems);
    };
    const firstFolder = folders[0]?.uri.fsPath;
    add(where?.globalValue, { kind: 'user-settings' }, firstFolder);
    if (trusted) {
        add(where?.workspaceValue, { kind: 'workspace-settings' }, firstFolder);
        for (const folder of folders) {
            const root = folder.uri.fsPath;
            const file = folders.length > 1 ? `${folder.name}/${CONFIG_FILE}` : CONFIG_FILE;
            const origin: SavedTargetOrigin = { kind: 'config-file', file };
            const value = await readConfigTargets(root);
            if (value.kind === 'problem') {
                problems.push({ entry: 'targets', origin, message: value.message });
            } else {
                add(value.targets, origin, root);
            }
        }
    }
    return { targets, problems, folderTargetsSkipped: !trusted && folders.length > 0 };
}

async function readConfigTargets(
    root: string,
): Promise<{ kind: 'ok'; targets: unknown } | { kind: 'problem'; message: string }> {
    const read = await readBoundedFile(join(root, CONFIG_FILE), { maxBytes: MAX_CONFIG_BYTES, within: root });
    switch (read.kind) {
        case 'missing':
            return { kind: 'ok', targets: undefined };
        case 'ok':
            break;
        case 'outside':
            return { kind: 'problem', message: 'links outside the project and is not read' };
        case 'too-large':
            return { kind: 'problem', message: `is ${Math.round(read.size / 1024)} KiB, too large to read` };
        case 'not-a-file':
            return { kind: 'problem', message: 'is not a regular file' };
        case 'error':
            return { kind: 'problem', message: `cannot be read (${read.code})` };
    }
    try {
        const config = JSON.parse(read.bytes.toString('utf8')) as unknown;
        return {
            kind: 'ok',
            targets:
                typeof config === 'object' && config !== null ? (config as { targets?: unknown }).targets : undefined,
        };
    } catch (error) {
        return { kind: 'problem', message: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
    }
}

function resolveFile(target: DiffTarget, base: string | undefined): DiffTarget {
    return target.kind === 'file' && base !== undefined && !isAbsolute(target.path)
        ? { kind: 'file', path: resolve(base, target.path) }
        : target;
}
