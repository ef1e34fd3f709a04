import { fromInstruction } from './dockerfileText';
import { GO_BINARY, GO_BUILD_CACHE } from './planGo';
import type { Plan, RenderOptions } from './Plan';
import {
    addUser,
    bakeCa,
    caIntoStage,
    copyManifests,
    finalEnv,
    finalTail,
    header,
    managerRun,
    stageEnv,
} from './recipeParts';

/** Go: modules, then sources, then the build in the toolchain image; the final image holds the binary and the public root CAs. */
export function renderGo(plan: Plan, options: RenderOptions): string[] {
    const manager = plan.packageManager;
    if (!manager?.build || !plan.builder) {
        throw new Error('A Go plan always has a builder image and a build step.');
    }
    return [
        ...header(plan, options),
        '',
        fromInstruction(plan.builder.image, 'build'),
        'WORKDIR /src',
        ...caIntoStage(plan, options),
        ...stageEnv(plan),
        ...copyManifests(manager.manifests),
        ...(manager.install
            ? [managerRun(plan, options, manager.install, { step: 'install', finalStage: false })]
            : []),
        'COPY . .',
        managerRun(plan, options, manager.build, { step: 'build', finalStage: false, moreCaches: [GO_BUILD_CACHE] }),
        '',
        fromInstruction(plan.base.image),
        'WORKDIR /app',
        ...finalEnv(plan),
        addUser(plan),
        ...bakeCa(plan, options),
        '# The public root CAs for outgoing TLS: the slim OS image has none.',
        'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
        `COPY --from=build ${GO_BINARY} ${GO_BINARY}`,
        ...finalTail(plan),
    ];
}
