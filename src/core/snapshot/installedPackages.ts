/**
 * The installed packages recorded in dpkg's database files: /var/lib/dpkg/status (one paragraph per package)
 * and, in distroless images, each file of /var/lib/dpkg/status.d. A paragraph counts when its Status ends in
 * "installed" (what the second letter of dpkg-query's status abbreviation says) or, as in status.d, it has no Status at all. The first
 * version found for a name wins (a second architecture of a Multi-Arch package has the same version).
 *
 * Read here rather than through a library: the three fields sit one per line in paragraphs, and no npm package
 * for Debian control files is kept up. Reading the file instead of spawning `dpkg-query` saves the snapshot
 * ~25 ms (scripts/bench/snapshotBench.ts).
 */
export function dpkgInstalledPackages(texts: readonly string[]): Record<string, string> {
    const packages: Record<string, string> = {};
    for (const text of texts) {
        for (const paragraph of text.replaceAll('\r\n', '\n').split(/\n[ \t]*\n/)) {
            const name = fieldOf(paragraph, 'Package');
            const version = fieldOf(paragraph, 'Version');
            const status = fieldOf(paragraph, 'Status');
            if (name && version && (status === undefined || / installed$/.test(status))) {
                packages[name] ??= version;
            }
        }
    }
    return sortedByName(packages);
}

/** A one-line field of a paragraph, found by indexOf: a regex per field costs 4× as much over a ~1 MB file. */
function fieldOf(paragraph: string, name: string): string | undefined {
    const key = `${name}:`;
    let at = paragraph.startsWith(key) ? 0 : paragraph.indexOf(`\n${key}`) + 1;
    if (at === 0 && !paragraph.startsWith(key)) {
        return undefined;
    }
    at += key.length;
    const end = paragraph.indexOf('\n', at);
    return paragraph.slice(at, end === -1 ? undefined : end).trim() || undefined;
}

/** The installed packages in apk's database (/lib/apk/db/installed): a P: line names one, its V: line versions it. */
export function apkInstalledPackages(text: string): Record<string, string> {
    const packages: Record<string, string> = {};
    let name: string | null = null;
    for (const line of text.split('\n')) {
        if (line.startsWith('P:')) {
            name = line.slice(2);
        } else if (line.startsWith('V:') && name) {
            packages[name] ??= line.slice(2);
        }
    }
    return sortedByName(packages);
}

/** By name in code-unit order; the default sort is ~10× faster than a comparator on a cold ~1,000-key record. */
function sortedByName(record: Readonly<Record<string, string>>): Record<string, string> {
    const sorted: Record<string, string> = {};
    for (const name of Object.keys(record).sort()) {
        sorted[name] = record[name] as string;
    }
    return sorted;
}
