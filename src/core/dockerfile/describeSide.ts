import type { Snapshot } from '../snapshot/Snapshot';

/** How messages name an environment: "here" for the developer's machine, else the target's ref. */
export function describeSide(snapshot: Snapshot, side: 'local' | 'target'): string {
    return side === 'local' ? 'here' : `on the target (${snapshot.meta.source.ref})`;
}
