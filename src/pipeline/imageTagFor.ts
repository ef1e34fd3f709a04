import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/**
 * The tag Parity gives an image it builds for a project: `<folder>-<hash>:parity`. The folder's name keeps
 * it readable; the hash — the first 8 hex digits of sha256 of the folder's real path — keeps two projects
 * with the same folder name (~/a/api, ~/b/api) from retagging each other's image, and is stable for as long
 * as the folder stays where it is. The tag "parity" never replaces an image the user tagged themselves.
 */
export function imageTagFor(projectRoot: string, appRoot = '.'): string {
    return `${projectImageName(resolve(projectRoot, appRoot))}:parity`;
}

/** `<folder>-<hash>` for a folder: a valid repository name that says which folder without saying where it is. */
export function projectImageName(folder: string): string {
    const real = (() => {
        try {
            return realpathSync(folder);
        } catch {
            return resolve(folder);
        }
    })();
    const name = basename(real)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/[._-]{2,}/g, '-')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
        .slice(0, 64)
        .replace(/[^a-z0-9]+$/, '');
    return `${name || 'app'}-${createHash('sha256').update(real).digest('hex').slice(0, 8)}`;
}
