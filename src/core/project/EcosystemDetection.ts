import type {
    Fact,
    LockfileFact,
    NativeDependencyFact,
    PackageManagerFacts,
    RuntimeDeclaration,
    RuntimeName,
} from '../snapshot/Snapshot';
import type { ProjectFiles } from './ProjectFiles';
import type { ProjectWalk } from './walkProject';

/** What one ecosystem's detector found in a project, from its files alone. */
export interface EcosystemDetection {
    readonly ecosystem: RuntimeName;
    /** Every runtime pin, in the precedence order the ecosystem's tools apply (first wins). */
    readonly declared: readonly RuntimeDeclaration[];
    readonly packageManagers: readonly PackageManagerFacts[];
    readonly lockfiles: readonly LockfileFact[];
    readonly nativeDependencies: readonly NativeDependencyFact[];
    /** The app this ecosystem would run, or null when it found a library or nothing runnable. */
    readonly app: AppCandidate | null;
}

export interface AppCandidate {
    /** The app's folder relative to the project root. */
    readonly root: string;
    readonly framework: Fact<string> | null;
    readonly startCommand: Fact<readonly string[]> | null;
    readonly ports: readonly Fact<number>[];
    readonly entry: Fact<string> | null;
    /** Other workspace packages (monorepos), relative paths. */
    readonly workspacePackages: readonly string[];
    /** The app's name as its manifest gives it, where it says it; absent when no manifest names it. */
    readonly name?: Fact<string>;
    /**
     * How sure the detector is that this is the app: 3 a server framework or an explicit start command,
     * 2 an entry file, 1 only a manifest. The highest wins when several ecosystems claim the project.
     */
    readonly confidence: 1 | 2 | 3;
}

/**
 * A detector reads files only (through ProjectFiles), never spawns and never throws for bad input:
 * malformed files become issues (files.issues) with file and line, and detection goes on with what is left.
 * It returns null when the project has nothing of its ecosystem.
 */
export type EcosystemDetector = (files: ProjectFiles, walk: ProjectWalk) => Promise<EcosystemDetection | null>;
