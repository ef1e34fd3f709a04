/**
 * The one schema every environment is described in: the developer's host, a built image, a sandbox,
 * a live remote container. Field names are stable within a schemaVersion; schemas/snapshot.schema.json
 * is the published form and docs/snapshot.md documents each field.
 *
 * Conventions: paths in `file` fields are relative to the project root, with forward slashes; lines are
 * 1-based; `null` means "looked and it is not there / not knowable here", an absent optional field means
 * "not looked at by this kind of source".
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export interface Snapshot {
    readonly schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
    readonly meta: SnapshotMeta;
    readonly platform: PlatformFacts;
    /** Keyed by runtime name; only runtimes the project declares or uses, or the environment has. */
    readonly runtimes: Readonly<Partial<Record<RuntimeName, RuntimeFacts>>>;
    readonly packageManagers: readonly PackageManagerFacts[];
    readonly lockfiles: readonly LockfileFact[];
    readonly nativeDependencies: readonly NativeDependencyFact[];
    readonly systemPackages: SystemPackages | null;
    /** Keyed by variable name. Values are never stored: only a hash. */
    readonly env: Readonly<Record<string, EnvVarFact>>;
    readonly locale: LocaleFacts;
    readonly timezone: TimezoneFacts;
    readonly user: UserFacts | null;
    /** Octal text, e.g. "0022". */
    readonly umask: string | null;
    readonly limits: LimitsFacts;
    readonly resources: ResourcesFacts;
    readonly app: AppFacts | null;
    readonly filesystem: FilesystemFacts;
    readonly certificates: CertificateFacts;
    /** Problems met while capturing (malformed or unreadable files, a truncated walk); never fatal. */
    readonly issues: readonly CaptureIssue[];
}

export type SourceKind = 'host' | 'image' | 'container' | 'target' | 'file';

export interface SnapshotMeta {
    /** ISO 8601, UTC. */
    readonly capturedAt: string;
    /** What was captured: `ref` as the user named it; `id` the engine's immutable id (image sha256, container id) when there is one. */
    readonly source: { readonly kind: SourceKind; readonly ref: string; readonly id?: string };
    readonly tool: { readonly name: 'parity'; readonly version: string };
    /** The project folder the snapshot was taken for, when there was one (absolute, as on the capturing machine). */
    readonly projectRoot?: string;
    /** How long capturing took, in milliseconds. */
    readonly durationMs?: number;
}

/** A place in a project file. */
export interface SourceRef {
    readonly file: string;
    readonly line: number;
}

export interface PlatformFacts {
    /** Node's names: linux, darwin, win32 — or what a probe found. */
    readonly os: string;
    readonly distro: { readonly id: string; readonly versionId: string | null; readonly prettyName: string | null } | null;
    readonly kernel: string | null;
    /** Docker's architecture names: amd64, arm64, arm, 386, ppc64le, s390x … */
    readonly arch: string;
    readonly libc: { readonly family: 'glibc' | 'musl' | 'msvcrt' | 'libsystem' | 'none' | 'unknown'; readonly version: string | null };
}

export type RuntimeName = 'node' | 'python' | 'go' | 'java' | 'ruby';

export interface RuntimeFacts {
    /** Every place the project pins the runtime, in precedence order (the first wins where tools disagree). */
    readonly declared: readonly RuntimeDeclaration[];
    /** What the environment really runs for this project, or null when it is not installed. */
    readonly installed: InstalledRuntime | null;
}

export interface RuntimeDeclaration extends SourceRef {
    /** Which convention declared it, e.g. ".nvmrc", "package.json#engines.node", "pyproject.toml#requires-python". */
    readonly source: string;
    /** The text as written, e.g. "lts/iron", ">=20 <23", "^3.11". */
    readonly raw: string;
    /**
     * The constraint in the runtime's own range syntax — a semver range for node, a PEP 440 specifier set
     * for python, an exact or minimum version elsewhere — or null when the text cannot be understood.
     */
    readonly range: string | null;
    /** How an alias was resolved, or why the range is null. */
    readonly note?: string;
}

export interface InstalledRuntime {
    readonly version: string;
    /** The executable that answered, after resolving version-manager shims where possible. */
    readonly path: string | null;
    /** Who provided it: system, nvm, pyenv, asdf, mise, volta, fnm, image … */
    readonly manager: string;
}

export interface PackageManagerFacts {
    /** npm, yarn, pnpm, bun, pip, uv, poetry, pipenv, go, maven, gradle, bundler. */
    readonly name: string;
    readonly ecosystem: RuntimeName;
    /** The version the project pins (package.json#packageManager, …), with where. */
    readonly declared: (SourceRef & { readonly raw: string; readonly source: string }) | null;
    /** The installed version, null when not installed; absent when not looked for. */
    readonly installed?: string | null;
    /** Why Parity thinks the project uses it: "lockfile", "packageManager", "default". */
    readonly evidence: string;
}

export interface LockfileFact {
    readonly file: string;
    readonly manager: string;
    /** The package folder (relative) the lockfile belongs to; "." for the project root. */
    readonly packageRoot: string;
    /**
     * Which generation of the manager wrote it, where one file name covers tools that install differently:
     * yarn.lock is "classic" (yarn 1) or "berry" (yarn 2 and later). Absent when it does not matter or is unknown.
     */
    readonly format?: string;
}

export interface NativeDependencyFact {
    /** The package name, or the file (binding.gyp) that makes the project itself native. */
    readonly name: string;
    readonly ecosystem: RuntimeName;
    /** Why it is native, e.g. "binding.gyp", "known native package". */
    readonly reason: string;
    /** What a build needs: compilers and system libraries, as Debian package names. */
    readonly needs: readonly string[];
    readonly declaredAt: SourceRef;
}

export interface SystemPackages {
    readonly manager: 'dpkg' | 'apk' | 'rpm';
    /** Package name → version. */
    readonly packages: Readonly<Record<string, string>>;
}

export interface EnvVarFact {
    /** sha256 of `NAME=value` (hex): equal values compare equal across environments; the value itself is never stored. */
    readonly sha256: string;
    /** The name looks like a secret (TOKEN, PASSWORD, KEY …), or the value comes from a .env file. */
    readonly secret: boolean;
    /** Where it comes from: the process environment, an image's config, or a .env file (with line). */
    readonly source: 'process' | 'image' | 'container' | (SourceRef & { readonly kind: 'dotenv' });
}

export interface LocaleFacts {
    /** LANG, LC_ALL, LC_CTYPE … as set (null when unset). */
    readonly vars: Readonly<Record<string, string | null>>;
    /** The locale programs really get (LC_ALL > LC_CTYPE > LANG > "C"). */
    readonly effective: string;
    /** Character encoding of the effective locale, upper-cased (UTF-8, ANSI_X3.4-1968 …), when known. */
    readonly encoding: string | null;
}

export interface TimezoneFacts {
    /** IANA name (Europe/Berlin), "UTC", or null. */
    readonly name: string | null;
    /** The TZ variable as set, or null. */
    readonly tzVar: string | null;
    /** Offset from UTC in minutes at capture time (east positive). */
    readonly offsetMinutes: number | null;
}

export interface UserFacts {
    readonly uid: number | null;
    readonly gid: number | null;
    readonly name: string | null;
    readonly home: string | null;
}

export interface LimitPair {
    /** null means unlimited. */
    readonly soft: number | null;
    readonly hard: number | null;
}

export interface LimitsFacts {
    readonly nofile: LimitPair | null;
    readonly nproc: LimitPair | null;
}

export interface ResourcesFacts {
    readonly cpus: number | null;
    readonly memoryBytes: number | null;
    /** A cgroup memory limit below the machine's memory, when one applies. */
    readonly memoryLimitBytes: number | null;
}

export interface Fact<T> {
    readonly value: T;
    /** Where it was found; absent for framework defaults. */
    readonly at?: SourceRef;
    /** How it was found, e.g. "Procfile web process", "express default". */
    readonly how: string;
}

export interface AppFacts {
    /** The app's folder relative to the project root ("." or e.g. "apps/api" in a monorepo). */
    readonly root: string;
    readonly ecosystem: RuntimeName | null;
    readonly framework: Fact<string> | null;
    /** Exec form, e.g. ["node", "server.js"]. */
    readonly startCommand: Fact<readonly string[]> | null;
    readonly ports: readonly Fact<number>[];
    readonly entry: Fact<string> | null;
    /** Other packages of a monorepo, relative paths; empty for single-package projects. */
    readonly workspacePackages: readonly string[];
    /** Where the app runs inside an image or container (its WorkingDir); absent for projects. */
    readonly workingDir?: string;
}

export interface FilesystemFacts {
    /** Whether the project's file system tells `File` and `file` apart; null when it could not be told. */
    readonly caseSensitive: boolean | null;
}

export interface CaCertificate {
    /** Where the certificate was found: a file path, or a store name. */
    readonly origin: string;
    /** Which setting or convention made it trusted: NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, /usr/local/share/ca-certificates … */
    readonly via: string;
    readonly subject: string;
    readonly issuer: string;
    /** SHA-256 fingerprint, colon-separated hex as Node prints it. */
    readonly fingerprint256: string;
    /** ISO 8601. */
    readonly notAfter: string;
}

export interface CertificateFacts {
    /** CA certificates trusted here beyond the standard public roots (Mozilla's, as bundled with Node). */
    readonly extra: readonly CaCertificate[];
    /** Environment variables that change which CAs programs trust, as set (paths are not secret). */
    readonly settings: Readonly<Record<string, string>>;
}

export interface CaptureIssue {
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
    readonly at?: SourceRef;
}
