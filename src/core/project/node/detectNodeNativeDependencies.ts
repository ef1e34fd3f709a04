import type { NativeDependencyFact } from '../../snapshot/Snapshot';
import type { ProjectWalk } from '../walkProject';
import { KNOWN_NATIVE_PACKAGES, NODE_GYP_NEEDS } from './knownNativePackages';
import type { PackageJson } from './readPackageJson';

/** A lockfile's packages by name, each at the line that names it (see lockedNodePackages). */
export interface LockedNodePackages {
    readonly file: string;
    readonly packages: ReadonlyMap<string, number>;
}

/**
 * Native code a build has to compile or match: well-known native packages among the dependencies of
 * every package (at the line that declares them, with the lockfile line that locks them), those that only
 * the lockfile names (a dependency of a dependency, at its lockfile line), and binding.gyp files of the
 * project's own addons. The walk never enters node_modules, so installed packages' own binding.gyp files do not count.
 */
export function detectNodeNativeDependencies(
    packages: readonly PackageJson[],
    walk: ProjectWalk,
    locked: readonly LockedNodePackages[] = [],
): NativeDependencyFact[] {
    const facts: NativeDependencyFact[] = [];
    const lockLine = (name: string): { file: string; line: number } | null => {
        for (const lockfile of locked) {
            const line = lockfile.packages.get(name);
            if (line !== undefined) {
                return { file: lockfile.file, line };
            }
        }
        return null;
    };
    const direct = new Set<string>();
    for (const pkg of packages) {
        for (const dependency of pkg.dependencies.values()) {
            const known = KNOWN_NATIVE_PACKAGES.get(dependency.name);
            if (known && !direct.has(dependency.name)) {
                direct.add(dependency.name);
                const lock = lockLine(dependency.name);
                facts.push({
                    name: dependency.name,
                    ecosystem: 'node',
                    reason: `known native package (${dependency.section}${lock ? `, locked at ${lock.file}:${lock.line}` : ''}): ${known.note}`,
                    needs: known.needs,
                    declaredAt: { file: pkg.file, line: dependency.line },
                });
            }
        }
    }
    for (const [name, known] of KNOWN_NATIVE_PACKAGES) {
        const lock = direct.has(name) ? null : lockLine(name);
        if (lock) {
            facts.push({
                name,
                ecosystem: 'node',
                reason: `known native package (locked as a dependency of another package): ${known.note}`,
                needs: known.needs,
                declaredAt: lock,
            });
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
