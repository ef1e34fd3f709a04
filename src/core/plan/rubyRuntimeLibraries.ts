/** Debian bookworm's shared library package for each -dev package a native gem builds against. */
const RUNTIME_OF: Readonly<Record<string, string>> = {
    'libpq-dev': 'libpq5',
    'default-libmysqlclient-dev': 'libmariadb3',
    'libsqlite3-dev': 'libsqlite3-0',
    'libxml2-dev': 'libxml2',
    'libxslt1-dev': 'libxslt1.1',
    'libffi-dev': 'libffi8',
    'libyaml-dev': 'libyaml-0-2',
    'libmagickwand-dev': 'libmagickwand-6.q16-6',
    'libicu-dev': 'libicu72',
    'libssl-dev': 'libssl3',
    'g++': 'libstdc++6',
};

/** The libraries the final image needs so compiled gems load, for the build packages their build used. */
export function rubyRuntimeLibraries(buildPackages: readonly string[]): string[] {
    return [...new Set(buildPackages.flatMap((name) => (Object.hasOwn(RUNTIME_OF, name) ? [RUNTIME_OF[name] ?? ''] : [])))];
}
