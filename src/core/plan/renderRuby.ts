import { fromInstruction, runInstruction } from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';
import { BUNDLE_HOME, VENDOR_BUNDLE } from './planRuby';
import { addUser, bakeCa, caIntoStage, copyManifests, finalEnv, finalTail, header, managerRun, SOURCES, sourcesWithoutCa, stageEnv, usesCaFile } from './recipeParts';

/**
 * Ruby: Bundler installs the gems in a throwaway "deps" stage (compilers, the mirror setting and the CA
 * bundle stay there); the final stage gets Bundler's home (the Bundler version and its deployment config) and
 * vendor/bundle, then the sources, and runs as a created non-root user. Without a Gemfile there is no deps stage.
 */
export function renderRuby(plan: Plan, options: RenderOptions): string[] {
    const manager = plan.packageManager;
    const caFile = usesCaFile(plan, options);
    const lines = [...header(plan, options), ''];
    const packages = manager?.systemPackages;
    if (manager) {
        lines.push(fromInstruction(plan.base.image, 'deps'), 'WORKDIR /app', ...caIntoStage(plan, options));
        if (packages && packages.build.length > 0) {
            lines.push('# Compilers and headers for the native gems: only this stage has them.', aptInstall(packages.build));
        }
        lines.push(...stageEnv(plan), ...manager.setup.map((command) => managerRun(plan, options, command, { step: 'setup', finalStage: false })));
        if (manager.install) {
            lines.push(...copyManifests(manager.manifests), managerRun(plan, options, manager.install, { step: 'install', finalStage: false }));
        }
        if (caFile) {
            lines.push(...sourcesWithoutCa());
        }
        lines.push('');
    }
    lines.push(fromInstruction(plan.base.image), 'WORKDIR /app', ...finalEnv(plan));
    if (packages && packages.runtime.length > 0) {
        lines.push(aptInstall(packages.runtime));
    }
    lines.push(addUser(plan), ...bakeCa(plan, options));
    if (manager) {
        lines.push(`COPY --from=deps ${BUNDLE_HOME} ${BUNDLE_HOME}`, `COPY --from=deps /app/${VENDOR_BUNDLE} /app/${VENDOR_BUNDLE}`);
    }
    lines.push(caFile ? `COPY --from=deps --chown=${plan.user} ${SOURCES} /app` : `COPY --chown=${plan.user} . .`, ...finalTail(plan));
    return lines;
}

function aptInstall(packages: readonly string[]): string {
    return runInstruction(`apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`);
}
