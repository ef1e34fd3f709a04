import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedTarget } from '../../core/savedTargets/SavedTarget';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import { writeFileAtomic } from '../../core/writeFileAtomic';

/** One target's last snapshot as stored. */
export interface StoredSnapshot {
    readonly capturedAtMs: number;
    readonly snapshot: Snapshot;
}

interface StoredFile {
    readonly target: string;
    readonly snapshot: Snapshot;
}

/**
 * The last snapshot of each saved target, kept in the extension's workspace storage (VS Code's per-workspace
 * folder, outside the project: nothing lands in the repository) under `targets/<hash of name and target>.json`,
 * written atomically. Changing a target's name or address starts it afresh. Read once, then served from memory.
 */
export class TargetSnapshots {
    private readonly cache = new Map<string, Promise<StoredSnapshot | undefined>>();

    constructor(private readonly folder: string | undefined) {}

    /** The last snapshot, or undefined when there is none (or it cannot be read: it is taken again on Refresh). */
    get(saved: SavedTarget): Promise<StoredSnapshot | undefined> {
        const key = keyOf(saved);
        let entry = this.cache.get(key);
        if (!entry) {
            entry = this.read(key);
            this.cache.set(key, entry);
        }
        return entry;
    }

    async save(saved: SavedTarget, snapshot: Snapshot): Promise<void> {
        const key = keyOf(saved);
        const stored = { capturedAtMs: Date.parse(snapshot.meta.capturedAt), snapshot };
        this.cache.set(key, Promise.resolve(stored));
        if (this.folder !== undefined) {
            const file: StoredFile = { target: saved.text, snapshot };
            await writeFileAtomic(join(this.folder, 'targets', `${key}.json`), `${JSON.stringify(file)}\n`);
        }
    }

    private async read(key: string): Promise<StoredSnapshot | undefined> {
        if (this.folder === undefined) {
            return undefined;
        }
        try {
            const file = JSON.parse(
                await readFile(join(this.folder, 'targets', `${key}.json`), 'utf8'),
            ) as Partial<StoredFile>;
            const capturedAtMs = Date.parse(file.snapshot?.meta.capturedAt ?? '');
            return file.snapshot && Number.isFinite(capturedAtMs)
                ? { capturedAtMs, snapshot: file.snapshot }
                : undefined;
        } catch {
            return undefined;
        }
    }
}

function keyOf(saved: SavedTarget): string {
    return createHash('sha256').update(`${saved.name}\0${saved.text}`).digest('hex').slice(0, 32);
}
