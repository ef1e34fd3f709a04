import { fromInstruction } from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';
import {
    bakeCa,
    caIntoStage,
    CA_CONTEXT_FILE,
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

/** Where `npm install --global bun` leaves the real binary (its postinstall links it from @oven/bun-<platform>). */
const BUN_BINARY = '/usr/local/lib/node_modules/bun/bin/bun.exe';

/**
 * Node: manifests, install, sources, in that order. A build (or, without BuildKit, a CA) moves the install
 * (or a native dependency's compiler) into a throwaway stage: "build" installs everything, builds and prunes; "deps" only installs. The final
 * stage copies the result, so neither dev dependencies nor the CA bundle reach the image.
 */
export function renderNode(plan: Plan, options: RenderOptions): string[] {
    const manager = plan.packageManager;
    if (!manager) {
        throw new Error('A Node.js plan always has a package manager.');
    }
    const caFile = usesCaFile(plan, options);
    const compiles = (plan.systemPackages?.build.length ?? 0) > 0;
    const stage = manager.build ? 'build' : caFile || compiles ? 'deps' : null;
    const install = (finalStage: boolean): string[] => [
        ...manager.setup.map((command) => managerRun(plan, options, command, { step: 'setup', finalStage })),
        ...(finalStage ? [] : stageEnv(plan)),
        ...copyManifests(manager.manifests),
        ...(manager.install ? [managerRun(plan, options, manager.install, { step: 'install', finalStage })] : []),
    ];
    const lines = [...header(plan, options), ''];
    if (!stage) {
        lines.push(
            fromInstruction(plan.base.image),
            'WORKDIR /app',
            ...finalEnv(plan),
            ...systemPackagesRun(plan, 'runtime'),
            ...install(true),
            ...bakeCa(plan, options),
            `COPY --chown=${plan.user} . .`,
            ...finalTail(plan),
        );
        return lines;
    }
    lines.push(
        fromInstruction(plan.base.image, stage),
        'WORKDIR /app',
        ...systemPackagesRun(plan, 'build'),
        ...caIntoStage(plan, options),
        ...install(false),
    );
    if (manager.build) {
        lines.push(
            'COPY . .',
            ...(caFile ? [`RUN rm -f ${CA_CONTEXT_FILE}`] : []),
            managerRun(plan, options, manager.build, { step: 'build', finalStage: false }),
        );
        if (manager.prune) {
            lines.push(managerRun(plan, options, manager.prune, { step: 'prune', finalStage: false }));
        }
    } else {
        lines.push(...sourcesWithoutCa());
    }
    lines.push(
        '',
        fromInstruction(plan.base.image),
        'WORKDIR /app',
        ...finalEnv(plan),
        ...systemPackagesRun(plan, 'runtime'),
        ...bakeCa(plan, options),
    );
    if (manager.name === 'bun' && /^bunx?$/.test(plan.startCommand.value[0] ?? '')) {
        // The app starts with bun: its binary (installed from npm in the stage) comes along, nothing else of it.
        lines.push(`COPY --from=${stage} ${BUN_BINARY} /usr/local/bin/bun`);
    }
    lines.push(
        ...(manager.build
            ? [`COPY --from=${stage} --chown=${plan.user} /app /app`]
            : [`COPY --from=${stage} /app /app`, `COPY --from=${stage} --chown=${plan.user} ${SOURCES} /app`]),
    );
    lines.push(...finalTail(plan));
    return lines;
}
