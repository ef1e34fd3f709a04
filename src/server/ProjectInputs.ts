import { lstatSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

    constructor(private readonly workspaceRoot: string | undefined, private readonly log: Log) {}

    for(uri: string): WorkspaceInputs {
        const root = this.projectRoot(uri);
        const key = root ?? '';
        let inputs = this.byRoot.get(key);
        if (!inputs) {
            inputs = new WorkspaceInputs(root, this.log);
            inputs.reload();
            for (const role of ['local', 'target'] as const) {
                if (this.sent[role] !== undefined) {
                    inputs.setSnapshot(role, this.sent[role]);
                }
            }
            if (this.sent.report !== undefined) {
                inputs.setReport(this.sent.report);
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

    /** Throws when the snapshot is not valid; nothing is changed then. */
    setSnapshot(role: 'local' | 'target', value: unknown): void {
        for (const inputs of this.byRoot.values()) {
            inputs.setSnapshot(role, value);
        }
        this.sent = { ...this.sent, [role]: value };
    }

    setReport(report: DiffReport | null): void {
        for (const inputs of this.byRoot.values()) {
            inputs.setReport(report);
        }
        this.sent = { ...this.sent, report };
    }

    private projectRoot(uri: string): string | undefined {
        const top = this.workspaceRoot;
        if (top === undefined || !uri.startsWith('file:')) {
            return top;
        }
        for (let folder = dirname(fileURLToPath(uri)); isWithin(top, folder); folder = dirname(folder)) {
            if (hasParityFolder(folder) || folder === top) {
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

/** A real folder, not a link: a `.parity` link could make a project of a folder the workspace does not hold. */
function hasParityFolder(folder: string): boolean {
    try {
        return lstatSync(join(folder, '.parity')).isDirectory();
    } catch {
        return false;
    }
}
