import type { Snapshot } from '../snapshot/Snapshot';

/**
 * Whether two snapshots' env hashes can be compared: they must be made with the same key (meta.envKey, an
 * id of the key the values were hashed with) or both unkeyed. Hashes under different keys always differ,
 * so comparing them would report every variable; such values are "unknown", never a difference.
 */
export function envComparable(a: Snapshot, b: Snapshot): boolean {
    return a.meta.envKey === b.meta.envKey;
}
