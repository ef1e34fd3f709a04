import type { Snapshot } from './Snapshot';
import { SnapshotValidationError } from './SnapshotValidationError';
import { validateSnapshot } from './validateSnapshot';

/**
 * A saved snapshot (`.parity/*.snapshot.json`) — hostile input like any file of a cloned repository —
 * checked in full against the schema before anything reads it. Throws SnapshotValidationError naming the
 * file, and the JSON path and problem of each mismatch.
 */
export function parseSnapshot(text: string, name: string): Snapshot {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new SnapshotValidationError(
            name,
            [{ path: 'snapshot', message: `is not JSON (${error instanceof Error ? error.message : String(error)})` }],
            `${name} is not a snapshot`,
        );
    }
    return validateSnapshot(value, name);
}
