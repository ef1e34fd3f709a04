import type { ByDesignNote } from '../plan/Plan';
import type { ByDesignFact } from './DiffRules';

/**
 * The plan's by-design notes (keyed by snapshot paths: `systemPackages`, `certificates.extra`) as the facts
 * the diff matches (keyed by finding facet and key: `packages`, a CA's fingerprint). Notes about facts the
 * diff never compares (a runtime's install path, the app's folder) pass through and simply match nothing.
 */
export function diffByDesign(notes: readonly ByDesignNote[]): ByDesignFact[] {
    return notes.flatMap((note): ByDesignFact[] => {
        const { reason } = note;
        if (note.facet === 'systemPackages') {
            return [{ facet: 'packages', key: note.key, reason }];
        }
        if (note.facet === 'certificates') {
            // Findings name a CA by its fingerprint; the CA variables are noted under env by the plan.
            return note.key === 'extra' ? [{ facet: 'certificates', key: '*', reason }] : [];
        }
        return [{ facet: note.facet, key: note.key, reason }];
    });
}
