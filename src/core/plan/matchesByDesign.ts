import { keyPattern } from '../keyPattern';
import type { ByDesignNote, SnapshotFacet } from './Plan';

/** The note that explains a difference at facet/key, if the plan made it on purpose; `*` in a note's key matches any run of characters. */
export function matchesByDesign(
    notes: readonly ByDesignNote[],
    facet: SnapshotFacet,
    key: string,
): ByDesignNote | undefined {
    return notes.find((note) => note.facet === facet && keyPattern(note.key).test(key));
}
