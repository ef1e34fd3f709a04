import type {
    AppFacts,
    EnvVarFact,
    LockfileFact,
    NativeDependencyFact,
    PackageManagerFacts,
    RuntimeDeclaration,
    RuntimeName,
} from '../snapshot/Snapshot';
import type { EnvHashKey } from '../snapshot/EnvHashKey';
import type { AppCandidate, EcosystemDetection, EcosystemDetector } from './EcosystemDetection';
import { detectGo } from './go/detectGo';
import { goProcfileCommand } from './go/goProcfileCommand';
import { detectJava } from './java/detectJava';
import { detectNode } from './node/detectNode';
import type { ProjectFiles } from './ProjectFiles';
import { detectPython } from './python/detectPython';
import { readDotenv } from './readDotenv';
import { readAppName } from './readAppName';
import { readProcfile } from './readProcfile';
import { detectRuby } from './ruby/detectRuby';
import { walkProject, type WalkLimits } from './walkProject';

/** Every ecosystem detector, in the order used to break ties between equally sure app candidates. */
export const DETECTORS: readonly EcosystemDetector[] = [detectNode, detectPython, detectGo, detectJava, detectRuby];

/** Everything Parity learns from a project's files alone (no spawning, no network). */
export interface ProjectDetection {
    readonly ecosystems: readonly RuntimeName[];
    readonly declared: Readonly<Partial<Record<RuntimeName, readonly RuntimeDeclaration[]>>>;
    readonly packageManagers: readonly PackageManagerFacts[];
    readonly lockfiles: readonly LockfileFact[];
    readonly nativeDependencies: readonly NativeDependencyFact[];
    readonly app: AppFacts | null;
    /** .env keys with hashed values (marked secret). */
    readonly dotenv: Readonly<Record<string, EnvVarFact>>;
}

/**
 * Runs every detector over one bounded walk of the project and merges what they found. The app is the
 * surest candidate; a Procfile `web` process, when present, is its start command — as on a PaaS. .env
 * values are hashed with `key`.
 */
export async function detectProject(
    files: ProjectFiles,
    key: EnvHashKey,
    limits?: WalkLimits,
): Promise<ProjectDetection> {
    const walk = await walkProject(files, limits);
    const detections = (await Promise.all(DETECTORS.map((detect) => detect(files, walk)))).filter(
        (detection): detection is EcosystemDetection => detection !== null,
    );

    const best = pickApp(detections);
    const appRoot = best?.app?.root ?? '.';
    const procfile = await readProcfile(files, appRoot);
    const web = procfile.find((process) => process.type === 'web') ?? procfile[0];
    const name = best?.app?.name ?? (best?.app ? await readAppName(files, best.ecosystem, appRoot) : null);
    const webCommand =
        web && best?.app && best.ecosystem === 'go'
            ? goProcfileCommand(web.command, best.app, name?.value)
            : web?.command;
    const app: AppFacts | null = best?.app
        ? {
              ...withoutConfidence(best.app),
              ecosystem: best.ecosystem,
              ...(webCommand ? { startCommand: webCommand } : {}),
              ...(name ? { name } : {}),
          }
        : web
          ? {
                root: appRoot,
                ecosystem: null,
                framework: null,
                startCommand: web.command,
                ports: [],
                entry: null,
                workspacePackages: [],
            }
          : null;

    return {
        ecosystems: detections.map((detection) => detection.ecosystem),
        declared: Object.fromEntries(detections.map((detection) => [detection.ecosystem, detection.declared])),
        packageManagers: detections.flatMap((detection) => detection.packageManagers),
        lockfiles: detections.flatMap((detection) => detection.lockfiles),
        nativeDependencies: detections.flatMap((detection) => detection.nativeDependencies),
        app,
        dotenv: await readDotenv(files, key, ['.', appRoot]),
    };
}

function pickApp(detections: readonly EcosystemDetection[]): EcosystemDetection | undefined {
    let best: EcosystemDetection | undefined;
    for (const detection of detections) {
        if (detection.app && (!best?.app || detection.app.confidence > best.app.confidence)) {
            best = detection;
        }
    }
    return best;
}

function withoutConfidence(candidate: AppCandidate): Omit<AppFacts, 'ecosystem'> {
    return {
        root: candidate.root,
        framework: candidate.framework,
        startCommand: candidate.startCommand,
        ports: candidate.ports,
        entry: candidate.entry,
        workspacePackages: candidate.workspacePackages,
        ...(candidate.name ? { name: candidate.name } : {}),
    };
}
