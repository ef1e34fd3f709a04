import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readlink, realpath, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { ProjectPathError } from './ProjectPathError';

/** Where a write into the project lands, once every step to it was checked. */
export interface ProjectFileTarget {
    readonly path: string;
    /** The folders from the root to the file that do not exist yet, outermost first. */
    readonly missingFolders: readonly string[];
    /** Permission bits of the file being replaced (undefined for a new file). */
    readonly mode?: number;
}

/**
 * Checks that `relativePath` can be written inside `projectRoot` without leaving it: no folder on the way
 * (.parity/ included) and not the file itself is a symbolic link, every existing folder is a real folder
 * inside the project, and the file, when it exists, is a regular file. Nothing is created.
 */
export async function checkProjectFile(projectRoot: string, relativePath: string): Promise<ProjectFileTarget> {
    const root = resolve(projectRoot);
    const relative = normalize(relativePath);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`) || relative === '.') {
        throw new ProjectPathError(`${relativePath} is not a file inside the project ${root}.`);
    }
    const realRoot = await realpath(root).catch(() => {
        throw new ProjectPathError(`The project folder ${root} does not exist.`);
    });
    const parts = relative.split(sep);
    const missingFolders: string[] = [];
    let path = root;
    for (const [index, part] of parts.entries()) {
        path = join(path, part);
        const last = index === parts.length - 1;
        const stats = missingFolders.length > 0 ? undefined : await lstat(path).catch(() => undefined);
        if (stats === undefined) {
            if (!last) {
                missingFolders.push(path);
            }
            continue;
        }
        if (stats.isSymbolicLink()) {
            const to = await readlink(path).catch(() => '?');
            throw new ProjectPathError(
                `${path} is a symbolic link (to ${resolve(join(path, '..'), to)}); Parity does not write through links in a project.`,
            );
        }
        if (!last && !stats.isDirectory()) {
            throw new ProjectPathError(`${path} is not a folder; Parity cannot write ${relativePath} there.`);
        }
        if (last && !stats.isFile()) {
            throw new ProjectPathError(`${path} is not a regular file; Parity does not replace it.`);
        }
        if (last) {
            await insideRoot(realRoot, root, join(path, '..'));
            return { path, missingFolders, mode: stats.mode & 0o777 };
        }
    }
    await insideRoot(
        realRoot,
        root,
        missingFolders[0] === undefined ? join(path, '..') : join(missingFolders[0], '..'),
    );
    return { path, missingFolders };
}

/**
 * Writes a file inside a project — plan, recipe record, Dockerfile, .dockerignore, snapshot — refusing,
 * before anything is created, whatever checkProjectFile refuses. Atomic: a temporary file created
 * exclusively in the same folder, then renamed over the target (a rename replaces a link rather than
 * following it; the check refuses links anyway, with an error that says where they point). A replaced
 * file keeps its permissions.
 */
export async function writeProjectFile(projectRoot: string, relativePath: string, content: string): Promise<string> {
    const target = await checkProjectFile(projectRoot, relativePath);
    for (const folder of target.missingFolders) {
        await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') {
                throw error;
            }
        });
    }
    // A folder swapped for a link between the check and now must not carry the write out of the project.
    await insideRoot(await realpath(resolve(projectRoot)), resolve(projectRoot), join(target.path, '..'));
    const folder = join(target.path, '..');
    const temporary = join(folder, `.parity-${randomBytes(6).toString('hex')}.tmp`);
    try {
        const file = await open(temporary, 'wx');
        try {
            await file.writeFile(content, 'utf8');
            // Set after creation: the mode given to open() is narrowed by the umask.
            if (target.mode !== undefined) {
                await file.chmod(target.mode);
            }
        } finally {
            await file.close();
        }
        await rename(temporary, target.path);
    } catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
    return target.path;
}

/** Refuses a folder whose real location is not the same folder under the project's real root. */
async function insideRoot(realRoot: string, root: string, folder: string): Promise<void> {
    const expected = join(realRoot, folder.slice(root.length));
    const real = await realpath(folder).catch(() => undefined);
    if (real !== undefined && real !== expected) {
        throw new ProjectPathError(
            `${folder} leads to ${real}, not into the project ${root}; Parity does not write there.`,
        );
    }
}
