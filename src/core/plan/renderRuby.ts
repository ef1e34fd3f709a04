import { fromInstruction } from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';
import { BUNDLE_HOME, VENDOR_BUNDLE } from './planRuby';
import {
    addUser,
    bakeCa,
    caIntoStage,
    copyManifests,
    finalEnv,
    finalTail,
    header,
    managerRun,
    SOURCES,
    sourcesWithoutCa,
    stageEnv,
    systemPackagesRun,
    usesCaFile,
} from './recipeParts';

/**
 * Ruby: Bundler installs the gems in a throwaway "deps" stage (compilers, the mirror setting and the CA
 * bundle stay there); the final stage gets Bundler's home (the Bundler version and its deployment config) and
 * vendor/bundle, then the sources, and runs as a created non-root user. Without a Gemfile there is no deps stage.
 */
export function renderRuby(plan: Plan, options: RenderOptions): string[] {
    const manager = plan.packageManager;
    const caFile = usesCaFile(plan, options);
    const lines = [...header(plan, options), ''];
    if (manager) {
        lines.push(
            fromInstruction(plan.base.image, 'deps'),
            'WORKDIR /app',
            ...caIntoStage(plan, options),
            ...systemPackagesRun(plan, 'build'),
        );
        lines.push(
            ...stageEnv(plan),
            ...manager.setup.map((command) => managerRun(plan, options, command, { step: 'setup', finalStage: false })),
        );
        if (manager.install) {
            lines.push(
                ...copyManifests(manager.manifests),
                managerRun(plan, options, manager.install, { step: 'install', finalStage: false }),
            );
        }
        if (caFile) {
            lines.push(...sourcesWithoutCa());
        }
        lines.push('');
    }
    lines.push(
        fromInstruction(plan.base.image),
        'WORKDIR /app',
        ...finalEnv(plan),
        ...systemPackagesRun(plan, 'runtime'),
    );
    lines.push(addUser(plan), ...bakeCa(plan, options));
    if (manager) {
        lines.push(
            `COPY --from=deps ${BUNDLE_HOME} ${BUNDLE_HOME}`,
            `COPY --from=deps /app/${VENDOR_BUNDLE} /app/${VENDOR_BUNDLE}`,
        );
    }
    lines.push(
        caFile ? `COPY --from=deps --chown=${plan.user} ${SOURCES} /app` : `COPY --chown=${plan.user} . .`,
        ...finalTail(plan),
    );
    return lines;
}
