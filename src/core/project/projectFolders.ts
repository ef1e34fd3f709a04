import { posix } from 'node:path';
import { PROJECT_MARKERS } from '../lens/projectRootFor';

/** Folders whose files are never a project of their own: dependencies, build output, Parity's and VCS state. */
const NOT_PROJECTS = new Set([
    'node_modules',
    '.parity',
    '.git',
    '.hg',
    '.svn',
    'vendor',
    '.venv',
    'venv',
    '__pycache__',
    'dist',
    'build',
    'target',
    '.tox',
    '.gradle',
]);

/** The marker files a project folder holds, for a file search: `{package.json,go.mod,…}` at any depth. */
export const PROJECT_MARKER_GLOB = `**/{${PROJECT_MARKERS.join(',')}}`;

/** The folders a file search must not descend into, as one glob. */
export const NOT_PROJECT_GLOB = `**/{${[...NOT_PROJECTS].join(',')}}/**`;

/**
 * The folders that hold a project, from the paths of marker files found under a workspace folder (POSIX
 * paths, either absolute or relative): each marker's folder, unless the marker is not one (another name) or
 * it lies inside dependencies or build output. Sorted, without duplicates.
 */
export function projectFolders(markerPaths: readonly string[]): string[] {
    const markers = new Set(PROJECT_MARKERS);
    const folders = new Set<string>();
    for (const file of markerPaths) {
        const parts = file.split('/');
        const name = parts.pop();
        if (name === undefined || !markers.has(name) || parts.some((part) => NOT_PROJECTS.has(part))) {
            continue;
        }
        folders.add(parts.length === 0 ? '.' : posix.normalize(parts.join('/') || '/'));
    }
    return [...folders].sort();
}
