import type { SourceRef } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';
import type { PackageJson } from './readPackageJson';
import { workspaceGlobToRegExp } from './workspaceGlobToRegExp';

export interface NodeWorkspaces {
    /** The workspace package folders, relative, sorted; never ".". */
    readonly packages: readonly string[];
}

interface WorkspaceGlob extends SourceRef {
    readonly glob: string;
}

/**
 * Resolves the workspace globs against the folders of the walk that hold a package.json. pnpm reads only
 * pnpm-workspace.yaml, so when it exists it wins over package.json#workspaces (npm, yarn, bun).
 */
export async function detectNodeWorkspaces(
    files: ProjectFiles,
    walk: ProjectWalk,
    root: PackageJson | null,
): Promise<NodeWorkspaces> {
    const pnpm = await readPnpmWorkspaceGlobs(files);
    const fromPackageJson = pnpm === null && root ? readPackageJsonGlobs(files, root) : null;
    const globs = pnpm ?? fromPackageJson ?? [];
    const packageDirs = walk.files
        .filter((path) => path.endsWith('/package.json'))
        .map((path) => path.slice(0, -'/package.json'.length));
    const included = new Set<string>();
    for (const { glob, file, line } of globs.filter((each) => !each.glob.startsWith('!'))) {
        const pattern = workspaceGlobToRegExp(glob);
        const hits = packageDirs.filter((dir) => pattern.test(dir));
        if (hits.length === 0 && pattern.source !== '^\\.$' && pattern.source !== '^$') {
            const cut = walk.truncated ? ' (the file walk stopped early, so it may have missed some)' : '';
            files.issues.add({
                severity: 'warning',
                message: `${file}: the workspace glob "${glob}" matches no folder with a package.json${cut}.`,
                at: { file, line },
            });
        }
        hits.forEach((dir) => included.add(dir));
    }
    for (const { glob } of globs.filter((each) => each.glob.startsWith('!'))) {
        const pattern = workspaceGlobToRegExp(glob.slice(1));
        [...included].filter((dir) => pattern.test(dir)).forEach((dir) => included.delete(dir));
    }
    return { packages: [...included].sort() };
}

async function readPnpmWorkspaceGlobs(files: ProjectFiles): Promise<WorkspaceGlob[] | null> {
    const read = await files.readText('pnpm-workspace.yaml');
    if (!read) {
        return null;
    }
    // YAML is loaded only for a pnpm workspace: most projects have no YAML to read.
    const { isMap, isScalar, isSeq, LineCounter, parseDocument } = await import('yaml');
    const file = read.path;
    const lineCounter = new LineCounter();
    const document = parseDocument(read.text, { lineCounter, prettyErrors: false });
    const error = document.errors[0];
    if (error) {
        const line = lineCounter.linePos(error.pos[0]).line;
        files.issues.add({
            severity: 'warning',
            message: `${file} is not valid YAML (${error.message.split('\n')[0] ?? error.code}); its workspace packages were not read.`,
            at: { file, line },
        });
        return [];
    }
    const contents = document.contents;
    const packages = isMap(contents) ? contents.get('packages', true) : undefined;
    if (packages === undefined) {
        return [];
    }
    if (!isSeq(packages)) {
        const line = isScalar(packages) && packages.range ? lineCounter.linePos(packages.range[0]).line : 1;
        files.issues.add({
            severity: 'warning',
            message: `${file}: "packages" must be a list of folder globs.`,
            at: { file, line },
        });
        return [];
    }
    const globs: WorkspaceGlob[] = [];
    for (const item of packages.items) {
        const line = isScalar(item) && item.range ? lineCounter.linePos(item.range[0]).line : 1;
        if (isScalar(item) && typeof item.value === 'string') {
            globs.push({ glob: item.value, file, line });
        } else {
            files.issues.add({
                severity: 'warning',
                message: `${file}: every entry of "packages" must be a folder glob string.`,
                at: { file, line },
            });
        }
    }
    return globs;
}

/** `workspaces: [...]` (npm, yarn, bun) or `workspaces: { packages: [...] }` (yarn classic with nohoist). */
function readPackageJsonGlobs(files: ProjectFiles, root: PackageJson): WorkspaceGlob[] | null {
    const field = root.get(['workspaces']);
    if (field === undefined) {
        return null;
    }
    const path = Array.isArray(field) ? ['workspaces'] : ['workspaces', 'packages'];
    const list = root.get(path);
    if (!Array.isArray(list)) {
        files.issues.add({
            severity: 'warning',
            message: `${root.file}: workspaces must be a list of folder globs or { "packages": [...] }.`,
            at: { file: root.file, line: root.lineOf(['workspaces']) },
        });
        return [];
    }
    const globs: WorkspaceGlob[] = [];
    list.forEach((entry: unknown, index) => {
        const line = root.lineOf([...path, index]);
        if (typeof entry === 'string') {
            globs.push({ glob: entry, file: root.file, line });
        } else {
            files.issues.add({
                severity: 'warning',
                message: `${root.file}: every workspaces entry must be a folder glob string.`,
                at: { file: root.file, line },
            });
        }
    });
    return globs;
}
