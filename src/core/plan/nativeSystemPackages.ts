import type { NativeDependencyFact, RuntimeName } from '../snapshot/Snapshot';
import type { BaseImageChoice, SystemPackagesPlan } from './Plan';

/**
 * Debian (bookworm) run-time libraries of the -dev packages a native build compiles against: the build
 * stage gets the -dev package, the final image only the shared library the compiled module loads.
 * Compilers and build tools (gcc, make, pkg-config, python3 for node-gyp …) have no run-time part.
 */
const RUNTIME_OF: Readonly<Record<string, readonly string[]>> = {
    'libpq-dev': ['libpq5'],
    'libvips-dev': ['libvips42'],
    'libcairo2-dev': ['libcairo2'],
    'libpango1.0-dev': ['libpango-1.0-0', 'libpangocairo-1.0-0'],
    'libjpeg-dev': ['libjpeg62-turbo'],
    'libgif-dev': ['libgif7'],
    'librsvg2-dev': ['librsvg2-2'],
    'default-libmysqlclient-dev': ['libmariadb3'],
    'libmariadb-dev': ['libmariadb3'],
    'libxml2-dev': ['libxml2'],
    'libxslt1-dev': ['libxslt1.1'],
    'zlib1g-dev': ['zlib1g'],
    'libssl-dev': ['libssl3'],
    'libffi-dev': ['libffi8'],
    'libldap2-dev': ['libldap-2.5-0'],
    'libsasl2-dev': ['libsasl2-2'],
    'unixodbc-dev': ['libodbc1'],
    'libcurl4-openssl-dev': ['libcurl4'],
    'libxmlsec1-dev': ['libxmlsec1', 'libxmlsec1-openssl'],
    'libopenblas-dev': ['libopenblas0'],
    gfortran: ['libgfortran5'],
    'libmagickwand-dev': ['libmagickwand-6.q16-6'],
    'libicu-dev': ['libicu72'],
    'libyaml-dev': ['libyaml-0-2'],
    'libsqlite3-dev': ['libsqlite3-0'],
    'libudev-dev': ['libudev1'],
    'libkrb5-dev': ['libkrb5-3', 'libgssapi-krb5-2'],
    'libsecret-1-dev': ['libsecret-1-0'],
};

/** Packages that are themselves what the app loads at run time (no build part). */
const RUNTIME_ONLY: ReadonlySet<string> = new Set(['libpq5', 'libmagic1']);

/**
 * The system packages the project's native dependencies need, split by stage: what compiles them goes into
 * the build (or deps) stage only, what they load at run time into the final image. One line per dependency
 * says which file and line found it. Null when nothing is needed, or when the image is not Debian-based
 * (Alpine names differ: the plan then only warns). Shared by every ecosystem's planner.
 */
export function nativeSystemPackages(
    facts: readonly NativeDependencyFact[],
    ecosystem: RuntimeName,
    os: BaseImageChoice['os'],
): SystemPackagesPlan | null {
    const mine = facts.filter((fact) => fact.ecosystem === ecosystem && fact.needs.length > 0);
    if (mine.length === 0 || os.libc !== 'glibc') {
        return null;
    }
    const build = new Set<string>();
    const runtime = new Set<string>();
    const why: string[] = [];
    for (const fact of mine) {
        const compile = fact.needs.filter((name) => !RUNTIME_ONLY.has(name));
        const load = fact.needs.flatMap((name) => (RUNTIME_ONLY.has(name) ? [name] : (RUNTIME_OF[name] ?? [])));
        compile.forEach((name) => build.add(name));
        load.forEach((name) => runtime.add(name));
        const parts = [
            compile.length > 0 ? `builds with ${compile.join(' ')}` : null,
            load.length > 0 ? `loads ${load.join(' ')} at run time` : null,
        ]
            .filter(Boolean)
            .join('; ');
        why.push(`${fact.name} (${fact.declaredAt.file}:${fact.declaredAt.line}): ${parts} — ${fact.reason}`);
    }
    return { build: [...build].sort(), runtime: [...runtime].sort(), why };
}
