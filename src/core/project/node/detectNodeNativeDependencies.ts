import type { NativeDependencyFact } from '../../snapshot/Snapshot';
import type { ProjectWalk } from '../walkProject';
import { KNOWN_NATIVE_PACKAGES, NODE_GYP_NEEDS } from './knownNativePackages';
import type { PackageJson } from './readPackageJson';

/**
 * Native code a build has to compile or match: well-known native packages among the dependencies of
 * every package (at the line that declares them), and binding.gyp files of the project's own addons.
 * The walk never enters node_modules, so installed packages' own binding.gyp files do not count.
 */
export function detectNodeNativeDependencies(packages: readonly PackageJson[], walk: ProjectWalk): NativeDependencyFact[] {
    const facts: NativeDependencyFact[] = [];
    for (const pkg of packages) {
        for (const dependency of pkg.dependencies.values()) {
            const known = KNOWN_NATIVE_PACKAGES.get(dependency.name);
            if (known) {
                facts.push({
                    name: dependency.name,
                    ecosystem: 'node',
                    reason: `known native package (${dependency.section}): ${known.note}`,
                    needs: known.needs,
                    declaredAt: { file: pkg.file, line: dependency.line },
                });
            }
        }
    }
    for (const file of walk.files) {
        if (file === 'binding.gyp' || file.endsWith('/binding.gyp')) {
            facts.push({
                name: file,
                ecosystem: 'node',
                reason: 'binding.gyp: node-gyp compiles this addon on install',
                needs: NODE_GYP_NEEDS,
                declaredAt: { file, line: 1 },
            });
        }
    }
    return facts;
}
