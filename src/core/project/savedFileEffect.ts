/**
 * What saving a project file can change in a snapshot of this machine:
 * - `toolchain`: a file a version manager's shim reads in the project folder (pyenv, nodenv, rbenv, jenv,
 *   goenv, asdf, mise; fnm and nvm-aware shells for .nvmrc), so the installed runtime itself can change —
 *   the runtimes are probed again;
 * - `project`: a file that declares a version, the app or its environment (package.json engines, pyproject,
 *   go.mod, pom.xml, a Dockerfile, .env, Parity's config) — only the project's files are read again;
 * - `none`: anything else; nothing is recomputed.
 */
export type SavedFileEffect = 'toolchain' | 'project' | 'none';

const TOOLCHAIN_FILES = new Set([
    '.nvmrc',
    '.node-version',
    '.python-version',
    '.ruby-version',
    '.java-version',
    '.go-version',
    '.tool-versions',
    '.sdkmanrc',
    'mise.toml',
    '.mise.toml',
    'mise.local.toml',
    '.mise.local.toml',
]);

const PROJECT_FILES = new Set([
    'package.json',
    'pyproject.toml',
    'requirements.txt',
    'runtime.txt',
    'Pipfile',
    'setup.cfg',
    'go.mod',
    'go.work',
    'pom.xml',
    'build.gradle',
    'build.gradle.kts',
    'Gemfile',
    'Procfile',
    '.env',
    '.env.example',
    '.dockerignore',
]);

const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:Dockerfile|Containerfile)$/;

/** `path`: the saved file relative to the project folder, with `/` separators. */
export function savedFileEffect(path: string): SavedFileEffect {
    const parts = path.split('/');
    const name = parts[parts.length - 1] ?? '';
    if (parts.includes('node_modules') || parts.some((part) => part === '..')) {
        return 'none';
    }
    if (
        TOOLCHAIN_FILES.has(name) ||
        path === '.config/mise.toml' ||
        path === '.config/mise/config.toml' ||
        path === '.mise/config.toml'
    ) {
        return 'toolchain';
    }
    if (PROJECT_FILES.has(name) || DOCKERFILE.test(name) || path === '.parity/config.json') {
        return 'project';
    }
    return 'none';
}
