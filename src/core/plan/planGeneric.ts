import type { AppFacts, RuntimeName, Snapshot } from '../snapshot/Snapshot';
import { hasRuntimeImage, osImage, runtimeImage } from './chooseBaseImage';
import type { OsChoice } from './chooseOs';
import { chooseRuntimeVersion } from './chooseRuntimeVersion';
import type { BaseImageChoice } from './Plan';
import type { EcosystemPlan, PlanOptions } from './PlanContext';
import { APP_USER } from './planPython';

/** Images to suggest for runtimes Parity has no recipe for yet. */
const HINTS: Partial<Record<RuntimeName, (version: string, os: OsChoice) => string>> = {
    java: (version, os) =>
        `eclipse-temurin:${version.split('.')[0] ?? version}-jre${os.libc === 'musl' ? '-alpine' : ''} (and a JDK or Maven/Gradle image to build in)`,
    ruby: (version, os) => (os.libc === 'musl' ? `ruby:${version}-${os.distro}` : `ruby:${version}-slim-${os.distro}`),
};

/**
 * The fallback when Parity cannot plan the app: a plan whose TODOs say what the user must fill in (base
 * image, install steps, start command), rendered as a Dockerfile that refuses to build until they do.
 * It keeps what is known: the runtime image when there is one, the OS family, the start command.
 */
export function planGeneric(
    snapshot: Snapshot,
    options: PlanOptions,
    os: OsChoice,
    app: AppFacts | null,
    reason: string,
): EcosystemPlan {
    const runtime = app?.ecosystem ?? singleRuntime(snapshot);
    const images = {
        ...(options.baseImageRegistry ? { registry: options.baseImageRegistry } : {}),
        ...(options.baseImageOverride ? { override: options.baseImageOverride } : {}),
    };
    const todo = [`Parity could not plan this app: ${reason}.`];
    const warnings: string[] = [];
    let base: BaseImageChoice;
    if (runtime && hasRuntimeImage(runtime)) {
        const version = chooseRuntimeVersion(runtime, snapshot.runtimes[runtime], options.overrides?.runtimeVersion);
        warnings.push(...version.warnings);
        base = runtimeImage(runtime, version.decision, os, images);
    } else if (runtime) {
        const version = chooseRuntimeVersion(runtime, snapshot.runtimes[runtime], options.overrides?.runtimeVersion);
        warnings.push(...version.warnings);
        base = options.baseImageOverride
            ? runtimeImage(runtime, version.decision, os, images)
            : osImage(os, images, `Parity has no ${runtime} recipe yet, so this is a plain OS image to replace`);
        if (!options.baseImageOverride) {
            const hint = HINTS[runtime]?.(version.decision.value, os);
            const at = version.decision.at
                ? ` (pinned in ${version.decision.at.file}:${version.decision.at.line})`
                : '';
            todo.push(
                `Choose a base image that carries ${runtime} ${version.decision.value}${at}${hint ? `, e.g. ${hint}` : ''}, and put it in FROM.`,
            );
        }
    } else {
        base = osImage(
            os,
            images,
            'Parity could not tell which runtime the app needs, so this is a plain OS image to replace',
        );
        if (!options.baseImageOverride) {
            todo.push('Choose a base image that carries the runtime the app needs, and put it in FROM.');
        }
    }
    const managers = snapshot.packageManagers.filter((manager) => runtime === null || manager.ecosystem === runtime);
    const lockfiles = snapshot.lockfiles
        .filter((lockfile) => managers.some((manager) => manager.name === lockfile.manager))
        .map((lockfile) => lockfile.file);
    todo.push(
        managers.length > 0
            ? `Add the steps that install dependencies with ${managers.map((manager) => manager.name).join(' / ')}${lockfiles.length > 0 ? ` (copy ${lockfiles.join(', ')} first, so the install layer caches)` : ''}.`
            : "Add the steps that install the app's dependencies, if it has any.",
    );
    return { ecosystem: 'generic', base, packageManager: null, user: APP_USER, env: {}, warnings, todo };
}

/** The one runtime the snapshot knows about, or null when there are none or several. */
function singleRuntime(snapshot: Snapshot): RuntimeName | null {
    const names = Object.keys(snapshot.runtimes) as RuntimeName[];
    return names.length === 1 ? (names[0] ?? null) : null;
}
