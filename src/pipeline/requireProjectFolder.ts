import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ProjectPathError } from '../core/ProjectPathError';

/**
 * The absolute path of an existing project folder. A path that does not exist or is a file is refused
 * before any work, so a typo never becomes an empty snapshot or a folder created for a plan.
 */
export async function requireProjectFolder(path: string): Promise<string> {
    const folder = resolve(path);
    const stats = await stat(folder).catch(() => undefined);
    if (stats === undefined) {
        throw new ProjectPathError(`There is no folder ${folder}.`);
    }
    if (!stats.isDirectory()) {
        throw new ProjectPathError(`${folder} is a file, not a project folder.`);
    }
    return folder;
}
