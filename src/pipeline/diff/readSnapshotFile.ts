import { DiffTargetError } from '../../core/diff/DiffTarget';
import { readBoundedFile } from '../../core/readBoundedFile';
import { parseSnapshot } from '../../core/snapshot/parseSnapshot';
import type { Snapshot } from '../../core/snapshot/Snapshot';

/** Far above a real snapshot (20,000 packages and 2,000 variables are a few MiB); a larger file is not one. */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/**
 * A saved snapshot named by a `file:` target, read bounded and checked in full against the schema: a file that
 * is missing, not a file, or too large is a DiffTargetError; one that is not a valid snapshot a
 * SnapshotValidationError naming the JSON path of each problem (or that a newer Parity made it).
 */
export async function readSnapshotFile(path: string, name: string): Promise<Snapshot> {
    const read = await readBoundedFile(path, { maxBytes: MAX_SNAPSHOT_BYTES });
    switch (read.kind) {
        case 'ok':
            return parseSnapshot(read.bytes.toString('utf8'), name);
        case 'missing':
            throw new DiffTargetError(`There is no snapshot file ${path} (${name}).`);
        case 'not-a-file':
            throw new DiffTargetError(
                `${path} (${name}) is not a file; file: takes a snapshot saved with parity snapshot --out.`,
            );
        case 'too-large':
            throw new DiffTargetError(
                `${path} (${name}) is ${Math.round(read.size / 1024 / 1024)} MiB, too large to be a snapshot.`,
            );
        default:
            throw new DiffTargetError(
                `${path} (${name}) cannot be read (${read.kind === 'error' ? read.code : read.kind}).`,
            );
    }
}
