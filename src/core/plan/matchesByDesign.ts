import type { ByDesignNote, SnapshotFacet } from './Plan';

/** The note that explains a difference at facet/key, if the plan made it on purpose; `*` in a note's key matches any run of characters. */
export function matchesByDesign(notes: readonly ByDesignNote[], facet: SnapshotFacet, key: string): ByDesignNote | undefined {
    return notes.find((note) => note.facet === facet && globMatches(note.key, key));
}

function globMatches(pattern: string, key: string): boolean {
    if (!pattern.includes('*')) {
        return pattern === key;
    }
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${source}$`).test(key);
}
