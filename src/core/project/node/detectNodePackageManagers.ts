import semver from 'semver';
import type { LockfileFact, PackageManagerFacts } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import type { PackageJson } from './readPackageJson';

/** The managers a package.json may pin; corepack knows the first three, Bun reads the field too. */
const MANAGERS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun']);

interface PinnedManager {
    readonly name: string;
    readonly version: string;
    readonly source: string;
    readonly line: number;
}

/**
 * Which package managers the project uses and why: the pin (package.json#packageManager, else
 * devEngines.packageManager) first, then the managers of the lockfiles, else npm as the default.
 * A pin the lockfiles contradict, and lockfiles of rival managers, become warnings.
 */
export function detectNodePackageManagers(
    files: ProjectFiles,
    root: PackageJson | null,
    lockfiles: readonly LockfileFact[],
): PackageManagerFacts[] {
    const pinned = root ? readPinnedManager(files, root) : null;
    const result: PackageManagerFacts[] = [];
    if (root && pinned) {
        result.push({
            name: pinned.name,
            ecosystem: 'node',
            declared: { file: root.file, line: pinned.line, raw: pinned.version, source: pinned.source },
            evidence: 'packageManager',
        });
    }
    for (const manager of new Set(lockfiles.map((lockfile) => lockfile.manager))) {
        if (manager !== pinned?.name) {
            result.push({ name: manager, ecosystem: 'node', declared: null, evidence: 'lockfile' });
        }
    }
    if (result.length === 0 && root) {
        result.push({ name: 'npm', ecosystem: 'node', declared: null, evidence: 'default' });
    }
    reportConflicts(
        files,
        root,
        pinned,
        lockfiles.filter((lockfile) => lockfile.packageRoot === '.'),
    );
    return result;
}

function readPinnedManager(files: ProjectFiles, pkg: PackageJson): PinnedManager | null {
    const field = pkg.get(['packageManager']);
    if (field !== undefined) {
        const line = pkg.lineOf(['packageManager']);
        if (typeof field !== 'string') {
            files.issues.add({
                severity: 'warning',
                message: `${pkg.file}: packageManager must be a string such as "pnpm@9.12.0"; corepack ignores it.`,
                at: { file: pkg.file, line },
            });
            return null;
        }
        // name@version, optionally +sha512.<hash> (corepack's integrity suffix, not part of the version).
        const match = /^\s*([\w.-]+)@([^+\s]+)(?:\+\S*)?\s*$/.exec(field);
        if (!match?.[1] || !match[2] || !MANAGERS.has(match[1])) {
            files.issues.add({
                severity: 'warning',
                message: `${pkg.file}: packageManager "${field}" is not "<npm|yarn|pnpm|bun>@<version>"; corepack will not use it.`,
                at: { file: pkg.file, line },
            });
            return null;
        }
        if (semver.valid(match[2]) === null) {
            files.issues.add({
                severity: 'warning',
                message: `${pkg.file}: packageManager "${field}" needs an exact version (corepack accepts no ranges or tags), e.g. "${match[1]}@${semver.coerce(match[2])?.version ?? '1.0.0'}".`,
                at: { file: pkg.file, line },
            });
        }
        return { name: match[1], version: match[2], source: 'package.json#packageManager', line };
    }
    const dev = pkg.get(['devEngines', 'packageManager']);
    if (typeof dev === 'object' && dev !== null && !Array.isArray(dev)) {
        const { name, version } = dev as { name?: unknown; version?: unknown };
        if (typeof name === 'string' && MANAGERS.has(name)) {
            return {
                name,
                version: typeof version === 'string' ? version : '',
                source: 'package.json#devEngines.packageManager',
                line: pkg.lineOf(['devEngines', 'packageManager', typeof version === 'string' ? 'version' : 'name']),
            };
        }
    }
    return null;
}

function reportConflicts(
    files: ProjectFiles,
    root: PackageJson | null,
    pinned: PinnedManager | null,
    rootLockfiles: readonly LockfileFact[],
): void {
    const managers = [...new Set(rootLockfiles.map((lockfile) => lockfile.manager))];
    if (managers.length > 1) {
        const [first, second] = rootLockfiles.filter(
            (lockfile, index) => rootLockfiles.findIndex((other) => other.manager === lockfile.manager) === index,
        );
        if (first && second) {
            files.issues.add({
                severity: 'warning',
                message: `${first.file} (${first.manager}) and ${second.file} (${second.manager}) are both present; the two managers resolve dependencies differently, so a build may not install what was tested. Keep the lockfile of the manager the project uses.`,
                at: { file: second.file, line: 1 },
            });
        }
    }
    if (!root || !pinned) {
        return;
    }
    const at = { file: root.file, line: pinned.line };
    if (rootLockfiles.length > 0 && !managers.includes(pinned.name)) {
        const names = rootLockfiles.map((lockfile) => `${lockfile.file} (${lockfile.manager})`).join(', ');
        files.issues.add({
            severity: 'warning',
            message: `${root.file} pins ${pinned.name} (${pinned.source.replace('package.json#', '')}) but the only lockfile${rootLockfiles.length > 1 ? 's are' : ' is'} ${names}; ${pinned.name} will ignore it and resolve dependency versions afresh.`,
            at,
        });
    }
    const yarnLock = rootLockfiles.find((lockfile) => lockfile.manager === 'yarn');
    const major = semver.coerce(pinned.version)?.major;
    if (pinned.name === 'yarn' && yarnLock?.format !== undefined && major !== undefined) {
        const pinnedFormat = major >= 2 ? 'berry' : 'classic';
        if (pinnedFormat !== yarnLock.format) {
            files.issues.add({
                severity: 'warning',
                message: `${root.file} pins yarn ${pinned.version} (${pinnedFormat}) but ${yarnLock.file} was written by yarn ${yarnLock.format}; ${major >= 2 ? 'yarn will rewrite the lockfile on install, and `--immutable` installs will fail' : 'yarn 1 cannot read a berry lockfile'}.`,
                at,
            });
        }
    }
}
