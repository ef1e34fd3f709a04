import type { ProbedSection, Snapshot } from '../snapshot/Snapshot';

/** The diff facet each probed section feeds; packageManagers feeds none (it is not compared). */
const FACET_OF: Readonly<Record<ProbedSection, string | null>> = {
    platform: 'platform',
    runtimes: 'runtimes',
    packageManagers: null,
    systemPackages: 'packages',
    env: 'env',
    locale: 'locale',
    timezone: 'timezone',
    user: 'user',
    umask: 'umask',
    limits: 'limits',
    resources: 'resources',
    certificates: 'certificates',
    filesystem: 'filesystem',
};

/**
 * The facets a snapshot's capture never read (meta.unread, e.g. the connection dropped mid-probe): the values
 * there are placeholders, so every comparison of those facets is unknown, never a difference.
 */
export function unreadFacets(snapshot: Snapshot): ReadonlySet<string> {
    const facets = new Set<string>();
    for (const section of snapshot.meta.unread ?? []) {
        const facet = FACET_OF[section];
        if (facet !== null) {
            facets.add(facet);
        }
    }
    return facets;
}
