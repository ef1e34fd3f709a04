import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from './Snapshot';

/** The fields every reader of a snapshot relies on; a file without one of them is not a snapshot. */
const REQUIRED: readonly (keyof Snapshot)[] = [
    'meta', 'platform', 'runtimes', 'packageManagers', 'lockfiles', 'nativeDependencies', 'env', 'locale', 'timezone', 'user', 'limits', 'resources', 'filesystem', 'certificates',
];

/** A saved snapshot (`.parity/*.snapshot.json`), checked enough to be read safely; the error says what is wrong. */
export function parseSnapshot(text: string, name: string): Snapshot {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new Error(`${name} is not a snapshot: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(`${name} is not a snapshot: it holds no JSON object.`);
    }
    const record = value as Record<string, unknown>;
    if (record.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
        throw new Error(`${name} has schemaVersion ${JSON.stringify(record.schemaVersion)}; this Parity reads version ${SNAPSHOT_SCHEMA_VERSION}. Take the snapshot again with \`parity snapshot\`.`);
    }
    const missing = REQUIRED.filter((field) => record[field] === undefined);
    if (missing.length > 0) {
        throw new Error(`${name} is not a Parity snapshot (no ${missing.join(', ')}): make one with \`parity snapshot\`.`);
    }
    return value as Snapshot;
}
