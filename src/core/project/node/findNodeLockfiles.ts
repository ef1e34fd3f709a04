import type { LockfileFact } from '../../snapshot/Snapshot';
import { joinPath, type ProjectFiles } from '../ProjectFiles';

/** Lockfile names → the manager that writes them, in the order they are reported. */
export const NODE_LOCKFILES: readonly { readonly name: string; readonly manager: string }[] = [
    { name: 'package-lock.json', manager: 'npm' },
    { name: 'npm-shrinkwrap.json', manager: 'npm' },
    { name: 'yarn.lock', manager: 'yarn' },
    { name: 'pnpm-lock.yaml', manager: 'pnpm' },
    { name: 'bun.lock', manager: 'bun' },
    { name: 'bun.lockb', manager: 'bun' },
];

/** The lockfiles in the given package folders (the root first). Workspaces share the root's lockfile. */
export async function findNodeLockfiles(files: ProjectFiles, dirs: readonly string[]): Promise<LockfileFact[]> {
    const found: LockfileFact[] = [];
    for (const dir of new Set(dirs.map((each) => joinPath(each)))) {
        for (const { name, manager } of NODE_LOCKFILES) {
            const file = joinPath(dir, name);
            if (!(await files.exists(file))) {
                continue;
            }
            const format = manager === 'yarn' ? await yarnLockFormat(files, file, dir) : undefined;
            found.push(
                format === undefined
                    ? { file, manager, packageRoot: dir }
                    : { file, manager, packageRoot: dir, format },
            );
        }
    }
    return found;
}

/**
 * yarn 2+ ("berry") writes a `__metadata` block, yarn 1 ("classic") a `# yarn lockfile v1` header. When the
 * lockfile cannot be read (too large), a `.yarnrc.yml` — berry's settings file — still tells them apart.
 */
async function yarnLockFormat(files: ProjectFiles, file: string, dir: string): Promise<string | undefined> {
    const lock = await files.readText(file);
    if (lock) {
        if (/^__metadata:/m.test(lock.text)) {
            return 'berry';
        }
        if (/^# yarn lockfile v1/m.test(lock.text) || /^"?[^\s#"][^\n]*@[^\n]*:\s*$/m.test(lock.text)) {
            return 'classic';
        }
    }
    return (await files.exists(joinPath(dir, '.yarnrc.yml'))) ? 'berry' : undefined;
}
