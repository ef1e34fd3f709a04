import type { NativeDependencyFact, SourceRef } from '../../snapshot/Snapshot';
import type { PythonRequirement } from './PythonRequirement';

interface KnownNative {
    readonly needs: readonly string[];
    readonly reason: string;
}

const WHEN_NO_WHEEL = 'when no wheel fits the platform (musl/Alpine, a new Python, an old version)';

/** Packages that need system libraries or a compiler to install, as Debian package names. */
const KNOWN: Readonly<Record<string, KnownNative>> = {
    psycopg2: {
        needs: ['libpq-dev', 'gcc'],
        reason: 'builds a C extension against libpq (psycopg2-binary ships it prebuilt)',
    },
    mysqlclient: {
        needs: ['default-libmysqlclient-dev', 'pkg-config', 'gcc'],
        reason: 'builds a C extension against the MySQL client library',
    },
    mariadb: { needs: ['libmariadb-dev', 'gcc'], reason: 'builds a C extension against MariaDB Connector/C' },
    lxml: {
        needs: ['libxml2-dev', 'libxslt1-dev', 'gcc'],
        reason: `builds against libxml2 and libxslt ${WHEN_NO_WHEEL}`,
    },
    pillow: { needs: ['libjpeg-dev', 'zlib1g-dev', 'gcc'], reason: `builds against libjpeg and zlib ${WHEN_NO_WHEEL}` },
    cryptography: {
        needs: ['libssl-dev', 'libffi-dev', 'gcc', 'rustc', 'cargo'],
        reason: `builds Rust and C code against OpenSSL ${WHEN_NO_WHEEL}`,
    },
    cffi: { needs: ['libffi-dev', 'gcc'], reason: `builds against libffi ${WHEN_NO_WHEEL}` },
    'python-ldap': {
        needs: ['libldap2-dev', 'libsasl2-dev', 'gcc'],
        reason: 'builds a C extension against OpenLDAP and SASL',
    },
    pyodbc: { needs: ['unixodbc-dev', 'g++'], reason: 'builds a C++ extension against unixODBC' },
    pycairo: { needs: ['libcairo2-dev', 'pkg-config', 'gcc'], reason: 'builds a C extension against cairo' },
    pycurl: { needs: ['libcurl4-openssl-dev', 'libssl-dev', 'gcc'], reason: 'builds a C extension against libcurl' },
    xmlsec: { needs: ['libxmlsec1-dev', 'pkg-config', 'gcc'], reason: 'builds a C extension against xmlsec1' },
    m2crypto: { needs: ['libssl-dev', 'swig', 'gcc'], reason: 'builds SWIG bindings against OpenSSL' },
    uwsgi: { needs: ['gcc'], reason: 'compiles its server from C on install' },
    'python-magic': { needs: ['libmagic1'], reason: 'loads libmagic at run time' },
};

/** Packages with wheels everywhere that matter, unless pip is told to build them (`--no-binary`). */
const FROM_SOURCE_ONLY: Readonly<Record<string, KnownNative>> = {
    numpy: { needs: ['gcc', 'g++'], reason: 'built from source (--no-binary): C and C++ code' },
    scipy: {
        needs: ['gcc', 'g++', 'gfortran', 'libopenblas-dev', 'pkg-config'],
        reason: 'built from source (--no-binary): Fortran and C code against BLAS/LAPACK',
    },
};

/** A lockfile's packages by canonical name, each at the line that names it (see lockedPythonPackages). */
export interface LockedPythonPackages {
    readonly file: string;
    readonly packages: ReadonlyMap<string, number>;
}

/**
 * Dependencies that need system packages to install or run: direct ones at the line that asks for them
 * (with the lockfile line that locks them), and those only the lockfile names (a dependency of a
 * dependency) at their lockfile line.
 */
export function pythonNativeDependencies(
    requirements: readonly PythonRequirement[],
    noBinary: ReadonlySet<string>,
    locked: readonly LockedPythonPackages[] = [],
): NativeDependencyFact[] {
    const facts: NativeDependencyFact[] = [];
    const seen = new Set<string>();
    const lockLine = (name: string): SourceRef | null => {
        for (const lockfile of locked) {
            const line = lockfile.packages.get(name);
            if (line !== undefined) {
                return { file: lockfile.file, line };
            }
        }
        return null;
    };
    for (const requirement of requirements) {
        const known =
            own(KNOWN, requirement.name) ??
            psycopg(requirement) ??
            (noBinary.has(':all:') || noBinary.has(requirement.name)
                ? own(FROM_SOURCE_ONLY, requirement.name)
                : undefined);
        if (known && !seen.has(requirement.name)) {
            seen.add(requirement.name);
            const lock = lockLine(requirement.name);
            facts.push({
                name: requirement.name,
                ecosystem: 'python',
                reason: `${known.reason}${lock ? ` (locked at ${lock.file}:${lock.line})` : ''}`,
                needs: known.needs,
                declaredAt: requirement.at,
            });
        }
    }
    for (const name of Object.keys(KNOWN)) {
        const lock = seen.has(name) ? null : lockLine(name);
        const known = own(KNOWN, name);
        if (lock && known) {
            seen.add(name);
            facts.push({
                name,
                ecosystem: 'python',
                reason: `${known.reason} (locked as a dependency of another package)`,
                needs: known.needs,
                declaredAt: lock,
            });
        }
    }
    return facts;
}

/** A table entry by a name from the project, never an Object.prototype member ("constructor"). */
function own(table: Readonly<Record<string, KnownNative>>, name: string): KnownNative | undefined {
    return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** psycopg 3: [binary] bundles libpq, [c] compiles against it, plain psycopg loads the system's libpq. */
function psycopg(requirement: PythonRequirement): KnownNative | undefined {
    if (requirement.name !== 'psycopg' || requirement.extras.includes('binary')) {
        return undefined;
    }
    return requirement.extras.includes('c')
        ? { needs: ['libpq-dev', 'gcc'], reason: 'psycopg[c] builds a C extension against libpq' }
        : { needs: ['libpq5'], reason: 'loads the system libpq at run time (psycopg[binary] bundles it)' };
}
