import type { AppFacts, Snapshot } from '../snapshot/Snapshot';
import type { OsChoice } from './chooseOs';
import type { BaseImageChoice, JavaBuildPlan, PackageManagerPlan, Plan, SystemPackagesPlan } from './Plan';

/** How to plan: where the project is, which images to use, what the user changed. */
export interface PlanOptions {
    /** The project folder (the build context), absolute. */
    readonly projectRoot: string;
    /** Mirror prefix for every FROM, e.g. "mirror.local:5000/library/". */
    readonly baseImageRegistry?: string;
    /** Replaces the runtime image, used verbatim. */
    readonly baseImageOverride?: string;
    /** Where dependency installs fetch from instead of the public repositories (a company's Artifactory, Nexus, gem mirror). */
    readonly dependencyMirrors?: DependencyMirrors;
    /** What the user changed while reviewing the plan; each wins over Parity's choice and says so. */
    readonly overrides?: {
        readonly runtimeVersion?: string;
        readonly startCommand?: string[];
        readonly port?: number | null;
        /** LANG for the image; null keeps the image's default (C). */
        readonly locale?: string | null;
        /** TZ for the image; null keeps it in UTC. */
        readonly timezone?: string | null;
    };
    /** Also trust the host's extra CAs at run time (bake them into the final image). Off by default. */
    readonly bakeCa?: boolean;
}

/** The package repositories a recipe can be pointed at, by ecosystem. */
export type DependencyMirrorKind = 'maven' | 'rubygems';

/** A mirror URL per ecosystem (http or https, no credentials in it); absent ones use the public repository. */
export type DependencyMirrors = Readonly<Partial<Record<DependencyMirrorKind, string>>>;

/** What every ecosystem planner gets. */
export interface PlanContext {
    readonly snapshot: Snapshot;
    readonly options: PlanOptions;
    readonly os: OsChoice;
    readonly app: AppFacts;
}

/** What an ecosystem planner decides; planFromSnapshot adds the app-wide decisions (start, port, CA, labels). */
export interface EcosystemPlan {
    readonly ecosystem: Plan['ecosystem'];
    readonly base: BaseImageChoice;
    readonly builder?: BaseImageChoice;
    readonly packageManager: PackageManagerPlan | null;
    readonly systemPackages?: SystemPackagesPlan;
    readonly java?: JavaBuildPlan;
    readonly user: string;
    readonly env: Readonly<Record<string, string>>;
    readonly warnings: readonly string[];
    readonly todo: readonly string[];
}
