import type { NativeDependencyFact, SourceRef } from '../../snapshot/Snapshot';
import type { GemfileGem } from './parseGemfile';
import type { LockedGem } from './parseGemfileLock';

const BUILD = ['gcc', 'make'];

/** Gems with C extensions, and the Debian packages their build needs beyond a compiler and make. */
const KNOWN: Readonly<Record<string, { readonly libraries: readonly string[]; readonly reason: string }>> = {
    pg: { libraries: ['libpq-dev'], reason: 'C extension against libpq' },
    mysql2: { libraries: ['default-libmysqlclient-dev'], reason: 'C extension against the MySQL client library' },
    sqlite3: { libraries: ['libsqlite3-dev'], reason: 'C extension against SQLite' },
    nokogiri: {
        libraries: ['libxml2-dev', 'libxslt1-dev'],
        reason: 'C extension against libxml2/libxslt when no precompiled gem fits',
    },
    ffi: { libraries: ['libffi-dev'], reason: 'C extension against libffi' },
    psych: { libraries: ['libyaml-dev'], reason: 'psych 5 compiles against libyaml' },
    rmagick: { libraries: ['libmagickwand-dev', 'pkg-config'], reason: 'C extension against ImageMagick' },
    charlock_holmes: { libraries: ['libicu-dev', 'g++'], reason: 'C++ extension against ICU' },
    unf_ext: { libraries: ['g++'], reason: 'C++ extension' },
    eventmachine: { libraries: ['libssl-dev', 'g++'], reason: 'C++ extension against OpenSSL' },
    bcrypt: { libraries: [], reason: 'C extension' },
    puma: { libraries: [], reason: 'C extension (HTTP parser)' },
    nio4r: { libraries: [], reason: 'C extension' },
    msgpack: { libraries: [], reason: 'C extension' },
    bootsnap: { libraries: [], reason: 'C extension' },
    'websocket-driver': { libraries: [], reason: 'C extension' },
    racc: { libraries: [], reason: 'C extension' },
    bigdecimal: { libraries: [], reason: 'C extension' },
    date: { libraries: [], reason: 'C extension' },
    'io-console': { libraries: [], reason: 'C extension' },
    json: { libraries: [], reason: 'C extension' },
    hiredis: { libraries: [], reason: 'C extension' },
};

const LINUX = /linux/;

/**
 * Gems that compile on `bundle install`: those the Gemfile asks for, at their Gemfile line, and those that
 * only Gemfile.lock names (dependencies of dependencies), at their lock line. A gem locked with a Linux
 * platform variant (nokogiri-1.16.5-x86_64-linux) installs precompiled and needs nothing.
 */
export function rubyNativeGems(
    gems: readonly GemfileGem[],
    locked: readonly LockedGem[],
    lockPath: string | null,
): NativeDependencyFact[] {
    const facts: NativeDependencyFact[] = [];
    const direct = new Map<string, GemfileGem>();
    gems.forEach((gem) => direct.set(gem.name, direct.get(gem.name) ?? gem));
    const lockedByName = new Map<string, LockedGem[]>();
    locked.forEach((gem) => lockedByName.set(gem.name, [...(lockedByName.get(gem.name) ?? []), gem]));
    for (const name of new Set([...direct.keys(), ...lockedByName.keys()])) {
        const known = Object.hasOwn(KNOWN, name) ? KNOWN[name] : undefined;
        const variants = lockedByName.get(name) ?? [];
        if (!known || variants.some((gem) => gem.platform !== null && LINUX.test(gem.platform))) {
            continue;
        }
        const requested = direct.get(name);
        const lockLine = variants[0]?.line;
        const declaredAt: SourceRef | null =
            requested?.at ?? (lockPath && lockLine ? { file: lockPath, line: lockLine } : null);
        if (!declaredAt) {
            continue;
        }
        const groups = requested && requested.groups.length > 0 ? ` (group ${requested.groups.join(', ')})` : '';
        const via = requested ? '' : ' (locked as a dependency of another gem)';
        facts.push({
            name,
            ecosystem: 'ruby',
            reason: `${known.reason}${groups}${via}`,
            needs: [...BUILD, ...known.libraries],
            declaredAt,
        });
    }
    return facts;
}
