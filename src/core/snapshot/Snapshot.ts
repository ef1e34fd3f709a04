import Type, { type Static, type TSchema } from 'typebox';

/**
 * The one schema every environment is described in: the developer's host, a built image, a sandbox,
 * a live remote container. Field names are stable within a schemaVersion. This file is the single source
 * of the TypeScript types and of the validation of snapshot files; schemas/snapshot.schema.json is generated
 * from it (`npm run schema`) and docs/snapshot.md documents each field.
 *
 * Conventions: paths in `file` fields are relative to the project root, with forward slashes; lines are
 * 1-based; `null` means "looked and it is not there / not knowable here", an absent optional field means
 * "not looked at by this kind of source".
 *
 * Bounds are what real environments can hold, so that a hostile file cannot smuggle in a value the
 * sandbox or a report would trust: ids are 32-bit, sizes stay within 2^53 (exact in a JavaScript number),
 * and text Parity or the OS produces is bounded in length. Text copied from project files is not bounded,
 * since a snapshot of any project must stay valid.
 */
import { MAX_EXACT, MAX_ID, MAX_LINE, SNAPSHOT_SCHEMA_VERSION } from './snapshotBounds';

export { MAX_EXACT, MAX_ID, MAX_LINE, SNAPSHOT_SCHEMA_VERSION } from './snapshotBounds';

/** What Parity itself writes in a word: its version, a certificate's fingerprint and expiry. */
const Short = () => Type.String({ maxLength: 256 });
/**
 * Names, versions, paths and one-line descriptions reported by an OS or a probe (PATH_MAX is 4096): probe
 * output is cut to this length per field, since it comes from inside an image someone else built.
 */
const Line = (options: { description?: string } = {}) => Type.String({ maxLength: MAX_LINE, ...options });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const List = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
    Type.Immutable(Type.Array(schema, options));
const Struct = <T extends Parameters<typeof Type.Object>[0]>(properties: T, options: { description?: string } = {}) =>
    Type.Immutable(Type.Object(properties, { additionalProperties: false, ...options }));
/** An object keyed by any name (env vars, packages) whose values all have one schema. */
const Dictionary = <T extends TSchema>(schema: T) =>
    Type.Unsafe<Readonly<Record<string, Static<T>>>>({ type: 'object', additionalProperties: schema });
/** A byte count, a limit or an id: an integer within bounds, or null. */
const Count = (maximum: number) => Nullable(Type.Integer({ minimum: 0, maximum }));

export const SourceKind = Type.Enum(['host', 'image', 'container', 'target', 'file']);
export type SourceKind = Static<typeof SourceKind>;

/**
 * The sections of a snapshot a probe fills, in the order it prints them: what `meta.unread` names when the
 * probe's output was cut short (app is absent: a probed app comes from the container's config, not the probe).
 */
export const PROBED_SECTIONS = [
    'platform',
    'runtimes',
    'packageManagers',
    'systemPackages',
    'env',
    'locale',
    'timezone',
    'user',
    'umask',
    'limits',
    'resources',
    'certificates',
    'filesystem',
] as const;
export const ProbedSection = Type.Enum([...PROBED_SECTIONS]);
export type ProbedSection = Static<typeof ProbedSection>;

export const SnapshotMeta = Struct({
    /** ISO 8601, UTC. */
    capturedAt: Type.String({ format: 'date-time', maxLength: 64 }),
    /** What was captured: `ref` as the user named it; `id` the engine's immutable id (image sha256, container id) when there is one. */
    source: Struct({
        kind: SourceKind,
        ref: Line(),
        id: Type.Optional(
            Line({ description: "The engine's immutable id of what was captured (image sha256, container id)." }),
        ),
    }),
    tool: Struct({ name: Type.Literal('parity'), version: Short() }),
    /** The project folder the snapshot was taken for, when there was one (absolute, as on the capturing machine). */
    projectRoot: Type.Optional(Line()),
    /** How long capturing took, in milliseconds. */
    durationMs: Type.Optional(Type.Number({ minimum: 0 })),
    /**
     * The public id of the key the env hashes were made with (never the key). Two snapshots' env hashes
     * are comparable only when their ids are equal (or both are absent).
     */
    /**
     * Sections the capture never got to read, e.g. when the connection to a remote engine dropped while the
     * probe's output streamed in: their values here are placeholders, and a diff treats them as unknown.
     */
    unread: Type.Optional(
        List(ProbedSection, {
            description:
                'Sections the capture did not get to read (the output was cut short, e.g. the connection to the engine dropped): their values are placeholders, and a diff treats them as unknown, never as differences.',
        }),
    ),
    envKey: Type.Optional(
        Type.String({
            pattern: '^[0-9a-f]{16}$',
            description:
                'Public id of the key env value hashes were made with: the first 16 hex digits of sha256 of the key. Env hashes of two snapshots are comparable only when these are equal (or both absent). Never the key itself.',
        }),
    ),
});
export type SnapshotMeta = Static<typeof SnapshotMeta>;

/** A place in a project file. */
export const SourceRef = Struct({
    file: Line({ description: 'Project-relative path with forward slashes.' }),
    line: Type.Integer({ minimum: 1, description: '1-based line.' }),
});
export type SourceRef = Static<typeof SourceRef>;

export const PlatformFacts = Struct({
    /** Node's names: linux, darwin, win32 — or what a probe found. */
    os: Line(),
    distro: Nullable(Struct({ id: Line(), versionId: Nullable(Line()), prettyName: Nullable(Line()) })),
    kernel: Nullable(Line()),
    /** Docker's architecture names: amd64, arm64, arm, 386, ppc64le, s390x … */
    arch: Line({ description: "Docker's names: amd64, arm64 …" }),
    libc: Struct({
        family: Type.Enum(['glibc', 'musl', 'msvcrt', 'libsystem', 'none', 'unknown']),
        version: Nullable(Line()),
    }),
});
export type PlatformFacts = Static<typeof PlatformFacts>;

export const RuntimeName = Type.Enum(['node', 'python', 'go', 'java', 'ruby']);
export type RuntimeName = Static<typeof RuntimeName>;

export const RuntimeDeclaration = Struct({
    file: Line(),
    line: Type.Integer(),
    /** Which convention declared it, e.g. ".nvmrc", "package.json#engines.node", "pyproject.toml#requires-python". */
    source: Line({ description: "The convention that declared it, e.g. '.nvmrc', 'package.json#engines.node'." }),
    /** The text as written, e.g. "lts/iron", ">=20 <23", "^3.11". */
    raw: Type.String({ description: 'The text as written.' }),
    /**
     * The constraint in the runtime's own range syntax — a semver range for node, a PEP 440 specifier set
     * for python, an exact or minimum version elsewhere — or null when the text cannot be understood.
     */
    range: Type.Union([Type.String(), Type.Null()], {
        description:
            "The constraint in the runtime's range syntax (semver for node/go/ruby, PEP 440 for python, major for java); null when not understood.",
    }),
    /** How an alias was resolved, or why the range is null. */
    note: Type.Optional(Type.String()),
});
export type RuntimeDeclaration = Static<typeof RuntimeDeclaration>;

export const InstalledRuntime = Struct({
    version: Line(),
    /** The executable that answered, after resolving version-manager shims where possible. */
    path: Nullable(Line()),
    /** Who provided it: system, nvm, pyenv, asdf, mise, volta, fnm, image … */
    manager: Line({ description: 'system, nvm, pyenv, asdf, mise, volta, fnm, image, container …' }),
});
export type InstalledRuntime = Static<typeof InstalledRuntime>;

export const RuntimeFacts = Struct({
    /** Every place the project pins the runtime, in precedence order (the first wins where tools disagree). */
    declared: List(RuntimeDeclaration),
    /** What the environment really runs for this project, or null when it is not installed. */
    installed: Nullable(InstalledRuntime),
});
export type RuntimeFacts = Static<typeof RuntimeFacts>;

export const PackageManagerFacts = Struct({
    /** npm, yarn, pnpm, bun, pip, uv, poetry, pipenv, go, maven, gradle, bundler. */
    name: Line(),
    ecosystem: RuntimeName,
    /** The version the project pins (package.json#packageManager, …), with where. */
    declared: Nullable(Struct({ file: Line(), line: Type.Integer(), raw: Type.String(), source: Line() })),
    /** The installed version, null when not installed; absent when not looked for. */
    installed: Type.Optional(Nullable(Line())),
    /** Why Parity thinks the project uses it: "lockfile", "packageManager", "default". */
    evidence: Line(),
});
export type PackageManagerFacts = Static<typeof PackageManagerFacts>;

export const LockfileFact = Struct({
    file: Line(),
    manager: Line(),
    /** The package folder (relative) the lockfile belongs to; "." for the project root. */
    packageRoot: Line(),
    /**
     * Which generation of the manager wrote it, where one file name covers tools that install differently:
     * yarn.lock is "classic" (yarn 1) or "berry" (yarn 2 and later). Absent when it does not matter or is unknown.
     */
    format: Type.Optional(
        Line({
            description:
                'yarn.lock: "classic" (yarn 1) or "berry" (yarn 2 and later); absent when it does not matter or is unknown.',
        }),
    ),
});
export type LockfileFact = Static<typeof LockfileFact>;

export const NativeDependencyFact = Struct({
    /** The package name, or the file (binding.gyp) that makes the project itself native. */
    name: Line(),
    ecosystem: RuntimeName,
    /** Why it is native, e.g. "binding.gyp", "known native package". */
    reason: Line(),
    /** What a build needs: compilers and system libraries, as Debian package names. */
    needs: List(Line()),
    declaredAt: SourceRef,
});
export type NativeDependencyFact = Static<typeof NativeDependencyFact>;

export const SystemPackages = Struct({
    manager: Type.Enum(['dpkg', 'apk', 'rpm']),
    /** Package name → version. */
    packages: Dictionary(Line()),
});
export type SystemPackages = Static<typeof SystemPackages>;

export const EnvVarFact = Struct({
    /**
     * sha256(KEY ‖ `NAME=value`), hex, KEY being the secret of meta.envKey: equal values compare equal under
     * the same key, and without the key a short value cannot be guessed back. The value is never stored.
     */
    sha256: Type.String({
        pattern: '^([0-9a-f]{64})?$',
        description:
            'sha256 of the env hash key (64 hex digits) followed by NAME=value, hex; comparable only between snapshots with the same meta.envKey; empty when the source could not hash. The value is never stored.',
    }),
    /** The name looks like a secret (TOKEN, PASSWORD, KEY …), or the value comes from a .env file. */
    secret: Type.Boolean(),
    /** Where it comes from: the process environment, an image's config, or a .env file (with line). */
    source: Type.Union([
        Type.Enum(['process', 'image', 'container']),
        Struct({ kind: Type.Literal('dotenv'), file: Line(), line: Type.Integer() }),
    ]),
});
export type EnvVarFact = Static<typeof EnvVarFact>;

export const LocaleFacts = Struct({
    /** LANG, LC_ALL, LC_CTYPE … as set (null when unset). */
    vars: Dictionary(Nullable(Line())),
    /** The locale programs really get (LC_ALL > LC_CTYPE > LANG > "C"). */
    effective: Line(),
    /** Character encoding of the effective locale, upper-cased (UTF-8, ANSI_X3.4-1968 …), when known. */
    encoding: Nullable(Line()),
});
export type LocaleFacts = Static<typeof LocaleFacts>;

export const TimezoneFacts = Struct({
    /** IANA name (Europe/Berlin), "UTC", or null. */
    name: Nullable(Line()),
    /** The TZ variable as set, or null. */
    tzVar: Nullable(Line()),
    /** Offset from UTC in minutes at capture time (east positive). */
    offsetMinutes: Nullable(Type.Number({ minimum: -1440, maximum: 1440 })),
});
export type TimezoneFacts = Static<typeof TimezoneFacts>;

export const UserFacts = Struct({
    uid: Count(MAX_ID),
    gid: Count(MAX_ID),
    name: Nullable(Line()),
    home: Nullable(Line()),
});
export type UserFacts = Static<typeof UserFacts>;

/** null means unlimited. */
export const LimitPair = Struct(
    { soft: Count(MAX_EXACT), hard: Count(MAX_EXACT) },
    { description: 'null means unlimited.' },
);
export type LimitPair = Static<typeof LimitPair>;

export const LimitsFacts = Struct({ nofile: Nullable(LimitPair), nproc: Nullable(LimitPair) });
export type LimitsFacts = Static<typeof LimitsFacts>;

export const ResourcesFacts = Struct({
    /** Fractional under a CPU quota; no machine has more than 65536. */
    cpus: Nullable(Type.Number({ minimum: 0, maximum: 65536 })),
    memoryBytes: Count(MAX_EXACT),
    /** A cgroup memory limit below the machine's memory, when one applies. */
    memoryLimitBytes: Count(MAX_EXACT),
});
export type ResourcesFacts = Static<typeof ResourcesFacts>;

const how = Type.String({ description: "How it was found, e.g. 'Procfile web process', 'express default'." });
export const StringFact = Struct({ value: Type.String(), at: Type.Optional(SourceRef), how });
export const CommandFact = Struct({ value: List(Type.String()), at: Type.Optional(SourceRef), how });
export const PortFact = Struct({
    value: Type.Integer({ minimum: 1, maximum: 65535 }),
    at: Type.Optional(SourceRef),
    how,
});

/** A fact about the app: `at` is where it was found (absent for framework defaults), `how` how it was found. */
export type Fact<T> = Omit<Static<typeof StringFact>, 'value'> & { readonly value: T };

export const AppFacts = Struct({
    /** The app's folder relative to the project root ("." or e.g. "apps/api" in a monorepo). */
    root: Line(),
    ecosystem: Nullable(RuntimeName),
    framework: Nullable(StringFact),
    /** Exec form, e.g. ["node", "server.js"]. */
    startCommand: Nullable(CommandFact),
    ports: List(PortFact),
    entry: Nullable(StringFact),
    /** Other packages of a monorepo, relative paths; empty for single-package projects. */
    workspacePackages: List(Line()),
    /** The app's name as its manifest gives it (package.json name, pyproject name, artifactId, go.mod module …); absent when none does. */
    name: Type.Optional(StringFact),
    /** Where the app runs inside an image or container (its WorkingDir); absent for projects. */
    workingDir: Type.Optional(Line({ description: 'Where the app runs inside an image or container.' })),
});
export type AppFacts = Static<typeof AppFacts>;

export const FilesystemFacts = Struct({
    /** Whether the project's file system tells `File` and `file` apart; null when it could not be told. */
    caseSensitive: Nullable(Type.Boolean()),
});
export type FilesystemFacts = Static<typeof FilesystemFacts>;

export const CaCertificate = Struct({
    /** Where the certificate was found: a file path, or a store name. */
    origin: Line(),
    /** Which setting or convention made it trusted: NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, /usr/local/share/ca-certificates … */
    via: Line(),
    subject: Type.String(),
    issuer: Type.String(),
    /** SHA-256 fingerprint, colon-separated hex as Node prints it. */
    fingerprint256: Short(),
    /** ISO 8601. */
    notAfter: Short(),
});
export type CaCertificate = Static<typeof CaCertificate>;

export const CertificateFacts = Struct({
    /** CA certificates trusted here beyond the standard public roots (Mozilla's, as bundled with Node). */
    extra: List(CaCertificate),
    /** Environment variables that change which CAs programs trust, as set (paths are not secret). */
    settings: Dictionary(Line()),
});
export type CertificateFacts = Static<typeof CertificateFacts>;

export const CaptureIssue = Struct({
    severity: Type.Enum(['error', 'warning', 'info']),
    message: Type.String(),
    at: Type.Optional(SourceRef),
});
export type CaptureIssue = Static<typeof CaptureIssue>;

export const Snapshot = Type.Immutable(
    Type.Object(
        {
            schemaVersion: Type.Literal(SNAPSHOT_SCHEMA_VERSION),
            meta: SnapshotMeta,
            platform: PlatformFacts,
            /** Keyed by runtime name; only runtimes the project declares or uses, or the environment has. */
            runtimes: Struct({
                node: Type.Optional(RuntimeFacts),
                python: Type.Optional(RuntimeFacts),
                go: Type.Optional(RuntimeFacts),
                java: Type.Optional(RuntimeFacts),
                ruby: Type.Optional(RuntimeFacts),
            }),
            packageManagers: List(PackageManagerFacts),
            lockfiles: List(LockfileFact),
            nativeDependencies: List(NativeDependencyFact),
            systemPackages: Nullable(SystemPackages),
            /** Keyed by variable name. Values are never stored: only a hash. */
            env: Dictionary(EnvVarFact),
            locale: LocaleFacts,
            timezone: TimezoneFacts,
            user: Nullable(UserFacts),
            /** Octal text, e.g. "0022". */
            umask: Nullable(Type.String({ pattern: '^[0-7]{3,4}$' })),
            limits: LimitsFacts,
            resources: ResourcesFacts,
            app: Nullable(AppFacts),
            filesystem: FilesystemFacts,
            certificates: CertificateFacts,
            /** Problems met while capturing (malformed or unreadable files, a truncated walk); never fatal. */
            issues: List(CaptureIssue),
        },
        {
            $id: `https://parity.dev/schemas/snapshot-${SNAPSHOT_SCHEMA_VERSION}.schema.json`,
            title: 'Parity environment snapshot',
            description: `One environment — a developer's machine, an image, a container, a target — in Parity's schema, version ${SNAPSHOT_SCHEMA_VERSION}. See docs/snapshot.md.`,
            additionalProperties: false,
        },
    ),
);
export type Snapshot = Static<typeof Snapshot>;
