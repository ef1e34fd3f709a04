import type { EcosystemDetector } from '../EcosystemDetection';
import { detectNodeApp } from './detectNodeApp';
import { detectNodeNativeDependencies, type LockedNodePackages } from './detectNodeNativeDependencies';
import { detectNodePackageManagers } from './detectNodePackageManagers';
import { detectNodeWorkspaces } from './detectNodeWorkspaces';
import { findNodeLockfiles } from './findNodeLockfiles';
import { lockedNodePackages } from './lockedNodePackages';
import { pickNodeAppPackage } from './pickNodeAppPackage';
import { readNodeDeclarations, type PinPlace } from './readNodeDeclarations';
import { readPackageJson, type PackageJson } from './readPackageJson';
import { findWorkspaceDelegation } from './workspaceDelegation';

/**
 * The Node.js detector: runtime pins, package managers and lockfiles, workspaces, the app package with its
 * framework, start command, entry and ports, and native dependencies — from files alone. Null when the
 * project has no package.json, Node version file, Node lockfile or Node pin in .tool-versions/mise.toml.
 */
export const detectNode: EcosystemDetector = async (files, walk) => {
    const root = await readPackageJson(files, '.');
    const workspaces = await detectNodeWorkspaces(files, walk, root);
    const members: PackageJson[] = [];
    for (const dir of workspaces.packages) {
        const pkg = await readPackageJson(files, dir);
        if (pkg) {
            members.push(pkg);
        }
    }
    // A root start that only hands over to one workspace package names the app outright.
    const delegation = root ? findWorkspaceDelegation(root, members) : null;
    const appPackage = delegation?.pkg ?? pickNodeAppPackage(root, members);
    const places: PinPlace[] =
        appPackage && appPackage.dir !== '.'
            ? [
                  { dir: appPackage.dir, pkg: appPackage },
                  { dir: '.', pkg: root },
              ]
            : [{ dir: '.', pkg: root }];
    const declared = await readNodeDeclarations(files, places);
    const lockfiles = await findNodeLockfiles(files, [
        '.',
        ...(appPackage ? [appPackage.dir] : []),
        ...workspaces.packages,
    ]);
    if (!root && members.length === 0 && declared.length === 0 && lockfiles.length === 0) {
        return null;
    }
    const locked: LockedNodePackages[] = [];
    for (const lockfile of lockfiles.filter((each) => each.packageRoot === '.' && !each.file.endsWith('.lockb'))) {
        const text = await files.readText(lockfile.file);
        if (text) {
            locked.push({ file: lockfile.file, packages: lockedNodePackages(lockfile.file, text.text) });
        }
    }
    const app = appPackage
        ? await detectNodeApp(
              files,
              appPackage,
              workspaces.packages.filter((dir) => dir !== appPackage.dir),
              delegation,
          )
        : null;
    return {
        ecosystem: 'node',
        declared,
        packageManagers: detectNodePackageManagers(files, root, lockfiles),
        lockfiles,
        nativeDependencies: detectNodeNativeDependencies(root ? [root, ...members] : members, walk, locked),
        app,
    };
};
