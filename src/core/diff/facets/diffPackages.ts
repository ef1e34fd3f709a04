import type { DiffContext, Draft } from '../DiffContext';
import { bothKnown } from '../bothKnown';

/** System packages by name, each a finding in the `packages` facet; one a native dependency needs is a warning. */
export function diffPackages(context: DiffContext): Draft[] {
    const a = context.from.systemPackages;
    const b = context.to.systemPackages;
    if (!bothKnown(context, 'packages', undefined, a, b, 'no package manager database was read') || !a || !b) {
        return [];
    }
    if (a.manager !== b.manager) {
        // dpkg and apk name the same library differently: a per-name diff would be noise, the distro finding says it.
        context.unknown.push({
            facet: 'packages',
            side: 'both',
            why: `the package managers differ (${a.manager} against ${b.manager}), so package names are not comparable`,
        });
        return [];
    }
    const neededBy = new Map<string, string>();
    for (const dependency of [...context.from.nativeDependencies, ...context.to.nativeDependencies]) {
        for (const need of dependency.needs) {
            if (!neededBy.has(need)) {
                neededBy.set(need, dependency.name);
            }
        }
    }
    const drafts: Draft[] = [];
    const native = (name: string): string => {
        const by = neededBy.get(name);
        return by === undefined ? '' : ` ${by} needs it to build or load.`;
    };
    for (const [name, version] of Object.entries(a.packages)) {
        const there = Object.prototype.hasOwnProperty.call(b.packages, name) ? b.packages[name] : undefined;
        if (there === undefined) {
            drafts.push({
                facet: 'packages',
                key: name,
                from: version,
                to: null,
                rule: neededBy.has(name) ? 'packages.native' : 'packages.removed',
                message: `${name} ${version} is installed on the from side only.${native(name)}`,
            });
        } else if (there !== version) {
            drafts.push({
                facet: 'packages',
                key: name,
                from: version,
                to: there,
                rule: neededBy.has(name) ? 'packages.native' : 'packages.changed',
                message: `${name} ${version} against ${there}.${native(name)}`,
            });
        }
    }
    for (const [name, version] of Object.entries(b.packages)) {
        if (!Object.prototype.hasOwnProperty.call(a.packages, name)) {
            drafts.push({
                facet: 'packages',
                key: name,
                from: null,
                to: version,
                rule: neededBy.has(name) ? 'packages.native' : 'packages.added',
                message: `${name} ${version} is installed on the to side only.${native(name)}`,
            });
        }
    }
    return drafts;
}
