import { fromInstruction } from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';
import { VENV } from './pythonPackageManager';
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
 * Python: dependencies go into a venv in a throwaway "deps" stage (the installer tools, caches and the CA
 * bundle stay there); the final stage copies the venv, then the sources, and runs as a created non-root user.
 * A standard-library-only app has no deps stage at all.
 */
export function renderPython(plan: Plan, options: RenderOptions): string[] {
    const manager = plan.packageManager;
    const caFile = usesCaFile(plan, options);
    const lines = [...header(plan, options), ''];
    if (manager) {
        lines.push(
            fromInstruction(plan.base.image, 'deps'),
            'WORKDIR /app',
            ...systemPackagesRun(plan, 'build'),
            ...caIntoStage(plan, options),
        );
        lines.push(
            ...manager.setup.map((command) => managerRun(plan, options, command, { step: 'setup', finalStage: false })),
            ...stageEnv(plan),
        );
        if (manager.install) {
            lines.push(
                ...copyManifests(manager.manifests),
                managerRun(plan, options, manager.install, { step: 'install', finalStage: false }),
            );
        }
        if (manager.build) {
            lines.push('COPY . .', managerRun(plan, options, manager.build, { step: 'build', finalStage: false }));
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
        addUser(plan),
        ...bakeCa(plan, options),
    );
    if (manager) {
        lines.push(`COPY --from=deps ${VENV} ${VENV}`);
    }
    lines.push(
        caFile ? `COPY --from=deps --chown=${plan.user} ${SOURCES} /app` : `COPY --chown=${plan.user} . .`,
        ...finalTail(plan),
    );
    return lines;
}
