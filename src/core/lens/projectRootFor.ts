import { dirname, relative } from 'node:path';

/** Files whose presence makes a folder the root of a monorepo, so its packages build from there. */
const MONOREPO_MARKERS = ['pnpm-workspace.yaml', 'go.work', 'lerna.json', 'nx.json', 'turbo.json'];
/** Files that make a folder a project of its own. */
export const PROJECT_MARKERS = [
    'package.json',
    'pyproject.toml',
    'requirements.txt',
    'go.mod',
    'Dockerfile',
    'Procfile',
    'pom.xml',
    'Gemfile',
];

/**
 * The folder a CodeLens or a file's command works on: the highest folder up to the workspace root that is a
 * monorepo root (its packages build in its context), else the nearest folder with a project manifest, else
 * the file's own folder. `has(folder, name)` tells whether a file exists (and for package.json, whether it
 * declares workspaces when asked for "package.json#workspaces").
 */
export function projectRootFor(
    file: string,
    workspaceRoot: string,
    has: (folder: string, name: string) => boolean,
): string {
    const chain: string[] = [];
    for (let folder = dirname(file); ; folder = dirname(folder)) {
        const inside = !relative(workspaceRoot, folder).startsWith('..') || folder === workspaceRoot;
        if (!inside) {
            break;
        }
        chain.push(folder);
        if (folder === workspaceRoot || dirname(folder) === folder) {
            break;
        }
    }
    const monorepo = [...chain]
        .reverse()
        .find((folder) => MONOREPO_MARKERS.some((name) => has(folder, name)) || has(folder, 'package.json#workspaces'));
    if (monorepo) {
        return monorepo;
    }
    return chain.find((folder) => PROJECT_MARKERS.some((name) => has(folder, name))) ?? dirname(file);
}
