/** What node-gyp needs to compile an addon on Debian (build-essential covers make and g++ too). */
export const NODE_GYP_NEEDS: readonly string[] = ['python3', 'make', 'g++'];

export interface KnownNativePackage {
    /** Debian packages a build from source needs. */
    readonly needs: readonly string[];
    /** What to know about it: prebuilt binaries, libc, deprecation. */
    readonly note: string;
}

const gyp = (...libraries: string[]): readonly string[] => [...NODE_GYP_NEEDS, ...libraries];

/**
 * npm packages with native code that is compiled on install, or whose prebuilt binaries only fit some
 * platforms — so the image's OS, libc (glibc vs musl) and Node ABI must match, or a compiler must be there.
 */
export const KNOWN_NATIVE_PACKAGES: ReadonlyMap<string, KnownNativePackage> = new Map<string, KnownNativePackage>([
    [
        'bcrypt',
        {
            needs: gyp(),
            note: 'prebuilt binaries for common platforms, otherwise compiled with node-gyp (bcryptjs is a pure-JS alternative)',
        },
    ],
    [
        'argon2',
        {
            needs: gyp(),
            note: 'prebuilt binaries for glibc and musl on x64 and arm64, otherwise compiled with node-gyp',
        },
    ],
    [
        'sharp',
        {
            needs: gyp('libvips-dev'),
            note: 'prebuilt libvips binaries per OS, CPU and libc (glibc vs musl): install dependencies on the platform the app runs on; building from source needs libvips-dev',
        },
    ],
    [
        'canvas',
        {
            needs: gyp('libcairo2-dev', 'libpango1.0-dev', 'libjpeg-dev', 'libgif-dev', 'librsvg2-dev'),
            note: 'compiled against Cairo and Pango unless a prebuilt binary matches (none for musl); the libraries are needed at run time too',
        },
    ],
    ['sqlite3', { needs: gyp(), note: 'prebuilt binaries via prebuild-install, otherwise compiled with node-gyp' }],
    ['better-sqlite3', { needs: gyp(), note: 'prebuilt binaries per Node ABI, otherwise compiled with node-gyp' }],
    [
        'node-sass',
        {
            needs: gyp(),
            note: 'deprecated (LibSass): downloads a binary per Node ABI and platform, otherwise compiles; move to the pure-JS sass package',
        },
    ],
    ['re2', { needs: gyp(), note: 'downloads a prebuilt binary, otherwise compiles RE2 with node-gyp' }],
    [
        'bufferutil',
        { needs: gyp(), note: 'optional ws accelerator with prebuilt binaries; compiled with node-gyp when none fits' },
    ],
    [
        'utf-8-validate',
        { needs: gyp(), note: 'optional ws accelerator with prebuilt binaries; compiled with node-gyp when none fits' },
    ],
    ['cpu-features', { needs: gyp(), note: 'optional dependency of ssh2, compiled with node-gyp on install' }],
    ['usb', { needs: gyp('libudev-dev'), note: 'prebuilt binaries for common platforms; compiling needs libudev' }],
    [
        'serialport',
        { needs: gyp(), note: 'its @serialport/bindings-cpp has prebuilt binaries, otherwise compiled with node-gyp' },
    ],
    ['@serialport/bindings-cpp', { needs: gyp(), note: 'prebuilt binaries, otherwise compiled with node-gyp' }],
    ['node-pty', { needs: gyp(), note: 'compiled with node-gyp on install' }],
    [
        'kerberos',
        { needs: gyp('libkrb5-dev'), note: 'compiled against MIT Kerberos (libkrb5) unless a prebuilt binary matches' },
    ],
    ['leveldown', { needs: gyp(), note: 'prebuilt binaries via node-gyp-build, otherwise compiled' }],
    ['classic-level', { needs: gyp(), note: 'prebuilt binaries via node-gyp-build, otherwise compiled' }],
    [
        'grpc',
        {
            needs: gyp(),
            note: 'deprecated native gRPC, compiled with node-gyp; @grpc/grpc-js is the pure-JS replacement',
        },
    ],
    ['pg-native', { needs: gyp('libpq-dev'), note: 'binds libpq: needs libpq-dev to build and libpq5 at run time' }],
    ['libpq', { needs: gyp('libpq-dev'), note: 'binds libpq: needs libpq-dev to build and libpq5 at run time' }],
    ['keytar', { needs: gyp('libsecret-1-dev'), note: 'binds libsecret: needs libsecret-1-dev to build' }],
    ['odbc', { needs: gyp('unixodbc-dev'), note: 'binds unixODBC: needs unixodbc-dev to build' }],
    ['isolated-vm', { needs: gyp(), note: 'compiled with node-gyp against the running Node version' }],
    ['ffi-napi', { needs: gyp(), note: 'compiled with node-gyp unless a prebuilt binary matches' }],
    ['ref-napi', { needs: gyp(), note: 'compiled with node-gyp unless a prebuilt binary matches' }],
    ['microtime', { needs: gyp(), note: 'prebuilt binaries, otherwise compiled with node-gyp' }],
    ['deasync', { needs: gyp(), note: 'prebuilt binaries for some Node versions, otherwise compiled with node-gyp' }],
    ['libxmljs', { needs: gyp(), note: 'compiles its bundled libxml2 with node-gyp' }],
    ['libxmljs2', { needs: gyp(), note: 'compiles its bundled libxml2 with node-gyp' }],
    [
        'zeromq',
        { needs: gyp('cmake'), note: 'prebuilt binaries for common platforms, otherwise builds libzmq with CMake' },
    ],
]);
