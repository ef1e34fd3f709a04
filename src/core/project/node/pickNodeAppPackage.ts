import { findNodeFramework } from './nodeFrameworks';
import type { PackageJson } from './readPackageJson';

/**
 * The package a monorepo deploys: a runnable member (start script and/or a server framework) under apps/
 * first, then the root when it has a start script, then any other runnable member; the root otherwise.
 * Among equals, a framework with a start script beats a framework alone, which beats a start script alone;
 * then the folder name decides, so the choice is stable.
 */
export function pickNodeAppPackage(root: PackageJson | null, members: readonly PackageJson[]): PackageJson | null {
    const rank = (pkg: PackageJson): number => {
        const start = typeof pkg.get(['scripts', 'start']) === 'string';
        const framework = findNodeFramework(pkg) !== null;
        return framework && start ? 0 : framework ? 1 : start ? 2 : 3;
    };
    const runnable = members
        .filter((pkg) => rank(pkg) < 3)
        .sort((a, b) => rank(a) - rank(b) || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
    const inApps = runnable.find((pkg) => pkg.dir.startsWith('apps/'));
    if (inApps) {
        return inApps;
    }
    if (root && typeof root.get(['scripts', 'start']) === 'string') {
        return root;
    }
    return runnable[0] ?? root;
}
