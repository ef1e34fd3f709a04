import { basename } from 'node:path';

/**
 * The tag Parity gives an image it builds for a project: the folder's name made a valid repository name,
 * with the tag "parity" — clearly Parity's, so it never replaces an image the user tagged themselves.
 */
export function imageTagFor(projectRoot: string, appRoot = '.'): string {
    const name = basename(appRoot === '.' ? projectRoot : appRoot)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    return `${name || 'app'}:parity`;
}
