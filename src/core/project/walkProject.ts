import { joinPath, type ProjectFiles } from './ProjectFiles';

/** Folders that hold installed dependencies, build output or tool state — never the project's own sources. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
    'node_modules',
    '.git',
    '.hg',
    '.svn',
    'venv',
    '.venv',
    '__pycache__',
    '.tox',
    '.nox',
    '.mypy_cache',
    '.pytest_cache',
    '.ruff_cache',
    'dist',
    'build',
    'target',
    'vendor',
    '.next',
    '.nuxt',
    '.svelte-kit',
    '.turbo',
    '.cache',
    'coverage',
    '.parity',
    '.idea',
    '.vscode',
    '.yarn',
    '.pnpm-store',
    'bower_components',
    '.gradle',
    '.terraform',
]);

export interface WalkLimits {
    readonly maxDepth: number;
    readonly maxEntries: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxDepth: 4, maxEntries: 5000 };

/** The files of a project found by a bounded walk, relative paths with forward slashes. */
export interface ProjectWalk {
    readonly files: readonly string[];
    /** True when a limit stopped the walk; detectors then know they may have missed something. */
    readonly truncated: boolean;
    has(path: string): boolean;
}

/**
 * Walks the project breadth-first, never into dependency, build or VCS folders, never through symlinked
 * folders (so a symlink loop cannot trap it), and within depth and entry limits.
 */
export async function walkProject(files: ProjectFiles, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<ProjectWalk> {
    const found: string[] = [];
    let seen = 0;
    let truncated = false;
    let level: string[] = ['.'];
    for (let depth = 0; depth <= limits.maxDepth && level.length > 0 && !truncated; depth += 1) {
        const next: string[] = [];
        for (const dir of level) {
            const entries = await files.list(dir);
            for (const entry of entries) {
                seen += 1;
                if (seen > limits.maxEntries) {
                    truncated = true;
                    break;
                }
                const path = joinPath(dir, entry.name);
                if (entry.kind === 'file') {
                    found.push(path);
                } else if (entry.kind === 'dir' && !SKIPPED_DIRS.has(entry.name) && !entry.name.endsWith('.egg-info')) {
                    if (depth < limits.maxDepth) {
                        next.push(path);
                    }
                }
            }
            if (truncated) {
                break;
            }
        }
        level = next;
    }
    if (truncated) {
        files.issues.add({
            severity: 'info',
            message: `The project has more than ${limits.maxEntries} files and folders; Parity looked at the first ${limits.maxEntries} (breadth first, dependency and build folders skipped).`,
        });
    }
    const set = new Set(found);
    return { files: found, truncated, has: (path) => set.has(path) };
}
