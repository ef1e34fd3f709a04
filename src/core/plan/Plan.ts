import type { RuntimeName, Snapshot, SourceRef } from '../snapshot/Snapshot';

/**
 * What Parity will build, decided from a Snapshot before any file is written: shown to the user, saved as
 * .parity/plan.json, then rendered into a Dockerfile and a .dockerignore. Every decision says why, so the
 * user can accept or change it (runtime version, start command, port).
 */
export const PLAN_VERSION = 1;

export interface Plan {
    readonly planVersion: typeof PLAN_VERSION;
    /** Which snapshot the plan was made from (its source ref and capture time). */
    readonly snapshot: { readonly ref: string; readonly capturedAt: string };
    /** The project folder the Dockerfile goes into (the build context), absolute as on this machine. */
    readonly projectRoot: string;
    /** The app's folder inside the context ("." or e.g. "apps/api"). */
    readonly appRoot: string;
    readonly ecosystem: RuntimeName | 'generic';
    /** The runtime image the app runs on. */
    readonly base: BaseImageChoice;
    /** A separate image to build in (multi-stage: Go's toolchain image); absent when the base builds too. */
    readonly builder?: BaseImageChoice;
    readonly packageManager: PackageManagerPlan | null;
    /** Debian packages native dependencies need (absent when none): compilers in the build stage, libraries in the final image. */
    readonly systemPackages?: SystemPackagesPlan;
    /** Java only: what the build stage leaves for the final image, and the Maven mirror it builds through. */
    readonly java?: JavaBuildPlan;
    /** Exec form; empty when unknown (a generic plan's TODO says so). */
    readonly startCommand: PlanDecision<readonly string[]>;
    readonly port: PlanDecision<number | null>;
    /** The non-root user the app runs as. */
    readonly user: string;
    /** Plain, non-secret environment for the final image (NODE_ENV=production, PYTHONUNBUFFERED=1 …). */
    readonly env: Readonly<Record<string, string>>;
    /** The locale variables for the final image (LANG=C.UTF-8 …), kept from the snapshot; empty for the image's default (C). */
    readonly locale: PlanDecision<Readonly<Record<string, string>>>;
    /** TZ for the final image, kept from the snapshot; null leaves the image in UTC. */
    readonly timezone: PlanDecision<string | null>;
    /** Extra CAs the host trusts: offered to dependency installs as a BuildKit secret, never baked in. */
    readonly ca: CaPlan;
    /** OCI and parity.* labels for the final image. */
    readonly labels: Readonly<Record<string, string>>;
    /** Things Parity could not decide: the user must fill them in (generic fallback, missing start command). */
    readonly todo: readonly string[];
    /**
     * Differences between the snapshot's environment and the image that Parity makes on purpose (the non-root
     * user, CAs given only to the build, the host's own variables left out …): a diff of the two reports
     * them as information with this reason, never as risks.
     */
    readonly byDesign: readonly ByDesignNote[];
    /** Warnings worth reading before building (declared version used instead of local, no lockfile …). */
    readonly warnings: readonly string[];
}

export interface PlanDecision<T> {
    readonly value: T;
    /** Why this value: "the start script in package.json", "installed locally (nvm)" … */
    readonly why: string;
    readonly at?: SourceRef;
    /** Other values worth offering (conflicting pins, other Procfile processes, other ports found). */
    readonly alternatives?: readonly { readonly value: T; readonly why: string }[];
}

/** A Snapshot section a by-design note is about. */
export type SnapshotFacet = Exclude<keyof Snapshot, 'schemaVersion' | 'meta' | 'issues'>;

export interface ByDesignNote {
    readonly facet: SnapshotFacet;
    /**
     * The path inside the facet, dot-separated as in the snapshot: "uid" (user), "PATH" (env, keyed by
     * variable name), "vars.LANG" (locale), "node.installed.path" (runtimes). `*` stands for any run of
     * characters, so one note covers a family of keys ("SSH_*", "settings.*"); see matchesByDesign.
     */
    readonly key: string;
    /** Why the image differs here, one sentence for the user. */
    readonly reason: string;
    /**
     * Holds for the built image only, not where it runs: what the app gets at run time (credentials, .env
     * values) is missing from the image on purpose, but missing in a running container it is a real risk.
     */
    readonly imageOnly?: true;
}

export interface BaseImageChoice {
    /** Full reference as written in FROM, e.g. "node:20.20.2-bookworm-slim" (with the mirror prefix, if set). */
    readonly image: string;
    /** Why this image: the runtime and OS it keeps, a mirror, an override — one sentence for the user. */
    readonly why: string;
    /** The runtime and version the image carries; null for a plain OS image. */
    readonly runtime: { readonly name: RuntimeName; readonly version: PlanDecision<string> } | null;
    /** OS family and libc kept from the snapshot, e.g. { distro: "bookworm", libc: "glibc" }. */
    readonly os: { readonly distro: string; readonly libc: 'glibc' | 'musl' };
}

export interface PackageManagerPlan {
    readonly name: string;
    readonly version: string | null;
    /** Why this manager and these commands (lockfile, pin, default), one sentence for the user. */
    readonly why: string;
    /**
     * Files copied before the install step so the install layer caches (manifests, lockfiles, workspace manifests).
     * A name ending in `*` is optional (COPY matches it only when it exists).
     */
    readonly manifests: readonly string[];
    /** Commands that make the manager itself available, run before the manifests are copied (corepack enable, pip install uv==0.5.11), exec form. */
    readonly setup: readonly (readonly string[])[];
    /**
     * The install command, exec form: production-only — or everything, when `build` needs dev dependencies
     * and `prune` drops them afterwards. Null when nothing can be installed before the sources are in
     * (pip install . needs the whole project; it is then the build step).
     */
    readonly install: readonly string[] | null;
    /** An optional build step run after the sources are copied (e.g. npm run build), exec form. */
    readonly build: readonly string[] | null;
    /** Run after `build`: removes what only the build needed (npm prune --omit=dev), exec form. */
    readonly prune: readonly string[] | null;
    /**
     * Environment for the install, build and prune commands only (CGO_ENABLED=0, UV_PROJECT_ENVIRONMENT=/opt/venv):
     * never part of the final image.
     */
    readonly env: Readonly<Record<string, string>>;
    /** Cache folder for a BuildKit cache mount, e.g. /root/.npm. */
    readonly cacheDir: string | null;
}

export interface SystemPackagesPlan {
    /** Installed in the stage that installs dependencies (never in the final image): compilers, -dev headers. */
    readonly build: readonly string[];
    /** Installed in the final image: the shared libraries compiled modules load. */
    readonly runtime: readonly string[];
    /** One line per native dependency: what it needs and which file and line found it. */
    readonly why: readonly string[];
}

export interface JavaBuildPlan {
    /** The folder the build tool writes to (target, build/libs) and what the final image takes from it. */
    readonly artifact: {
        readonly outputDir: string;
        /** fat: one executable jar (Spring Boot); plain: the app's jar plus lib/ (its runtime class path); folder: a framework's app folder (Quarkus). */
        readonly kind: 'fat' | 'plain' | 'folder';
        /** For "folder": the folder under outputDir copied as it is (quarkus-app). */
        readonly folder?: string;
    };
    /** Every repository goes through this URL in the build stage (Maven settings mirror, Gradle init script); null for the project's own. */
    readonly mirror: string | null;
}

export interface CaPlan {
    /** True when the host trusts CAs beyond the public roots and dependency installs should trust them too. */
    readonly needed: boolean;
    /** The BuildKit secret id the install step mounts. */
    readonly secretId: string;
    /** Subjects of the CAs, for the plan shown to the user. */
    readonly subjects: readonly string[];
    /** Bake the CAs into the final image as well (off unless the user opts in). */
    readonly bakeIntoImage: boolean;
}

/** What the renderer needs to know about the engine the recipe will be built on. */
export interface RenderOptions {
    /** BuildKit available: secret and cache mounts; otherwise the CA lives only in a throwaway stage. */
    readonly buildkit: boolean;
}

/** The recipe: the two files written next to the project. */
export interface Recipe {
    readonly dockerfile: string;
    readonly dockerignore: string;
}
