import { join, resolve } from 'node:path';
import { ProjectPathError } from './ProjectPathError';
import { readBoundedFile } from './readBoundedFile';

/** A Dockerfile, .dockerignore or recipe is text of a few kilobytes; anything near this is not one. */
export const MAX_PROJECT_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads a file of the project's own (Dockerfile, .dockerignore, .parity/recipe.json); undefined when it
 * does not exist. A link is followed only while it stays inside the project: one that leads out is
 * refused, so a cloned repository cannot make Parity read — and show or trust — a file elsewhere. The read
 * is bounded like every other project file's: a FIFO cannot stall it and a huge file is refused, not loaded.
 */
export async function readProjectFile(projectRoot: string, relativePath: string): Promise<string | undefined> {
    const root = resolve(projectRoot);
    const path = join(root, relativePath);
    const read = await readBoundedFile(path, { maxBytes: MAX_PROJECT_FILE_BYTES, within: root });
    switch (read.kind) {
        case 'ok':
            return read.bytes.toString('utf8');
        case 'missing':
            return undefined;
        case 'outside':
            throw new ProjectPathError(
                `${path} leads to ${read.realPath}, outside the project ${root}; Parity does not read it.`,
            );
        case 'not-a-file':
            throw new ProjectPathError(`${path} is not a regular file.`);
        case 'too-large':
            throw new ProjectPathError(
                `${path} has ${read.size} bytes, more than the ${MAX_PROJECT_FILE_BYTES} a project file may have; Parity does not read it.`,
            );
        case 'error':
            throw new ProjectPathError(`${path} cannot be read (${read.code}).`);
    }
}
