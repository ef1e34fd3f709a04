import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiffReport } from '../core/diff/DiffReport';
import { type Log, WorkspaceInputs } from './WorkspaceInputs';

/**
 * The inputs of each project in the workspace. A workspace often holds several projects (a monorepo, a
 * folder of services): a document belongs to the nearest folder above it, up to the workspace folder, that
 * has a `.parity` folder — where Snapshot Environment and `parity snapshot` save — else to the workspace
 * folder. What the client sends (snapshots, the last report) stands for every project until it sends null.
 */
export class ProjectInputs {
    private readonly byRoot = new Map<string, WorkspaceInputs>();
    private sent: { local?: unknown; target?: unknown; report?: DiffReport | null } = {};
    /** Snapshots the client sent for one project only, by its root. */
    private readonly sentFor = new Map<string, { local?: unknown; target?: unknown }>();

    constructor(
        private readonly workspaceRoot: string | undefined,
        private readonly log: Log,
    ) {}

    for(uri: string): WorkspaceInputs {
        const root = this.projectRoot(uri);
        const key = root ?? '';
        let inputs = this.byRoot.get(key);
        if (!inputs) {
            inputs = new WorkspaceInputs(root, this.log, this.workspaceRoot);
            inputs.reload();
            for (const role of ['local', 'target'] as const) {
                if (this.sent[role] !== undefined) {
                    inputs.setSnapshot(role, this.sent[role]);
                }
            }
            if (this.sent.report !== undefined) {
                inputs.setReport(this.sent.report);
            }
            for (const [role, value] of Object.entries(this.sentFor.get(key) ?? {}) as [
                'local' | 'target',
                unknown,
            ][]) {
                inputs.setSnapshot(role, value);
            }
            this.byRoot.set(key, inputs);
        }
        return inputs;
    }

    /** A saved file changed: every project reads its files again (new `.parity` folders are found on the next check). */
    reload(): void {
        for (const inputs of this.byRoot.values()) {
            inputs.reload();
        }
    }

    /**
     * A snapshot from the client, for the project at `projectRoot` (a file URI), else for every project.
     * Throws when the snapshot is not valid.
     */
    setSnapshot(role: 'local' | 'target', value: unknown, projectRoot?: string): void {
        if (projectRoot === undefined) {
            for (const inputs of this.byRoot.values()) {
                inputs.setSnapshot(role, value);
            }
            this.sent = { ...this.sent, [role]: value };
            return;
        }
        const root = projectRoot.startsWith('file:') ? fileURLToPath(projectRoot) : projectRoot;
        if (
            this.workspaceRoot === undefined ||
            !isWithin(this.workspaceRoot, root) ||
            !isReallyWithin(this.workspaceRoot, root)
        ) {
            throw new Error(`${root} is not a folder of the workspace`);
        }
        this.sentFor.set(root, { ...this.sentFor.get(root), [role]: value });
        // Its documents now belong to this project even before its .parity folder is seen.
        this.known.add(root);
        this.byRoot.get(root)?.setSnapshot(role, value);
    }

    setReport(report: DiffReport | null): void {
        for (const inputs of this.byRoot.values()) {
            inputs.setReport(report);
        }
        this.sent = { ...this.sent, report };
    }

    /** Project roots the client named, whether or not their .parity folder exists yet. */
    private readonly known = new Set<string>();

    private projectRoot(uri: string): string | undefined {
        const top = this.workspaceRoot;
        if (top === undefined || !uri.startsWith('file:')) {
            return top;
        }
        for (let folder = dirname(fileURLToPath(uri)); isWithin(top, folder); folder = dirname(folder)) {
            if (this.known.has(folder) || folder === top || (hasParityFolder(folder) && isReallyWithin(top, folder))) {
                return folder;
            }
        }
        return top;
    }
}

function isWithin(root: string, path: string): boolean {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/**
 * The folder, links resolved, is in the workspace, links resolved: a project folder reached through a link
 * (`services -> /elsewhere`) would have its `.parity` files read from outside the workspace. A folder that
 * does not exist yet (a project the client named before saving anything) is judged by its nearest existing parent.
 */
function isReallyWithin(root: string, folder: string): boolean {
    return isWithin(realOrSelf(root), realOrSelf(folder));
}

/** The path with links resolved as far as it exists: a folder not made yet is judged by its nearest existing parent. */
function realOrSelf(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        const parent = dirname(path);
        return parent === path ? path : join(realOrSelf(parent), basename(path));
    }
}

/** A real folder, not a link: a `.parity` link could make a project of a folder the workspace does not hold. */
function hasParityFolder(folder: string): boolean {
    try {
        return lstatSync(join(folder, '.parity')).isDirectory();
    } catch {
        return false;
    }
}
