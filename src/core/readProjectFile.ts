import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ProjectPathError } from './ProjectPathError';

/**
 * Reads a file of the project's own (Dockerfile, .dockerignore, .parity/recipe.json); undefined when it
 * does not exist. A link is followed only while it stays inside the project: one that leads out is
 * refused, so a cloned repository cannot make Parity read — and show or trust — a file elsewhere.
 */
export async function readProjectFile(projectRoot: string, relativePath: string): Promise<string | undefined> {
    const root = resolve(projectRoot);
    const path = join(root, relativePath);
    const real = await realpath(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
            return undefined;
        }
        throw error;
    });
    if (real === undefined) {
        return undefined;
    }
    const realRoot = await realpath(root);
    const inside = relative(realRoot, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || resolve(realRoot, inside) !== real) {
        throw new ProjectPathError(`${path} leads to ${real}, outside the project ${root}; Parity does not read it.`);
    }
    if (!(await stat(real)).isFile()) {
        throw new ProjectPathError(`${path} is not a regular file.`);
    }
    return readFile(real, 'utf8');
}
