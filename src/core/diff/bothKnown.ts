import type { DiffContext } from './DiffContext';

/**
 * Notes a fact one side (or both) could not read and says whether the comparison can go on: true when
 * both values are there. A fact missing on one side is never a difference — only unknown.
 */
export function bothKnown<T>(
    context: DiffContext,
    facet: string,
    key: string | undefined,
    a: T | null | undefined,
    b: T | null | undefined,
    why: string,
): boolean {
    const aMissing = a === null || a === undefined;
    const bMissing = b === null || b === undefined;
    if (aMissing || bMissing) {
        context.unknown.push({
            facet,
            ...(key === undefined ? {} : { key }),
            side: aMissing && bMissing ? 'both' : aMissing ? 'from' : 'to',
            why,
        });
        return false;
    }
    return true;
}
