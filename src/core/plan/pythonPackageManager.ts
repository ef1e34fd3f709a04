import type { AppFacts, PackageManagerFacts, Snapshot } from '../snapshot/Snapshot';
import { VERSION_SCHEMES } from '../snapshot/versionSchemes';
import type { PackageManagerPlan } from './Plan';

/** Where Python dependencies are installed: a venv copied whole from the throwaway deps stage into the final image. */
export const VENV = '/opt/venv';
export const VENV_ENV: Readonly<Record<string, string>> = { VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` };
const MAKE_VENV = ['python', '-m', 'venv', VENV];

export interface PythonManagerPlan {
    /** Null when there is nothing to install (a standard-library-only app). */
    readonly plan: PackageManagerPlan | null;
    readonly warnings: readonly string[];
}

export const PYTHON_MANAGERS_WITH_STRATEGY: ReadonlySet<string> = new Set(['pip', 'uv', 'poetry', 'pipenv']);

/**
 * pip with a requirements file, uv with uv.lock, Poetry with poetry.lock, Pipenv with Pipfile.lock — each into the venv, production
 * dependencies only, the manifests copied first. A console-script start command needs the project itself
 * installed too: that step runs after the sources are copied (the plan's build step).
 */
export function pythonPackageManager(
    snapshot: Snapshot,
    app: AppFacts,
    manager: PackageManagerFacts | undefined,
    consoleScript: boolean,
): PythonManagerPlan {
    const locked = (name: string): string[] =>
        snapshot.lockfiles
            .filter((lockfile) => lockfile.manager === name && lockfile.packageRoot === '.')
            .map((lockfile) => lockfile.file);
    const warnings: string[] = [];
    const name = manager?.name ?? 'pip';
    if (name === 'uv' || name === 'poetry') {
        const lockfiles = locked(name);
        const tool = toolSpec(name, manager);
        if (tool.warning) {
            warnings.push(tool.warning);
        }
        if (lockfiles.length === 0) {
            warnings.push(
                `No ${name === 'uv' ? 'uv.lock' : 'poetry.lock'}: ${name} resolves dependency versions at build time, so builds are not reproducible. Commit the lockfile (${name} lock writes it).`,
            );
        }
        const frozen = lockfiles.length > 0;
        const plan: PackageManagerPlan =
            name === 'uv'
                ? {
                      name,
                      version: tool.version,
                      why: `${whyManager(manager, lockfiles)}; uv installs the locked production dependencies into ${VENV}${consoleScript ? ', then the project itself for its console script' : ''}.`,
                      manifests: ['pyproject.toml', ...lockfiles],
                      setup: [['pip', 'install', tool.spec]],
                      install: ['uv', 'sync', ...(frozen ? ['--frozen'] : []), '--no-dev', '--no-install-project'],
                      build: consoleScript
                          ? ['uv', 'sync', ...(frozen ? ['--frozen'] : []), '--no-dev', '--no-editable']
                          : null,
                      prune: null,
                      env: { UV_PROJECT_ENVIRONMENT: VENV, UV_PYTHON_DOWNLOADS: 'never', UV_LINK_MODE: 'copy' },
                      cacheDir: '/root/.cache/uv',
                  }
                : {
                      name,
                      version: tool.version,
                      why: `${whyManager(manager, lockfiles)}; Poetry installs the locked main dependencies into ${VENV}${consoleScript ? ', then the project itself for its console script' : ''}.`,
                      manifests: ['pyproject.toml', ...lockfiles],
                      setup: [MAKE_VENV, ['pip', 'install', tool.spec]],
                      install: ['poetry', 'install', '--only', 'main', '--no-root'],
                      build: consoleScript ? ['poetry', 'install', '--only', 'main'] : null,
                      prune: null,
                      env: { VIRTUAL_ENV: VENV, POETRY_VIRTUALENVS_CREATE: 'false', POETRY_NO_INTERACTION: '1' },
                      cacheDir: '/root/.cache/pypoetry',
                  };
        return { plan, warnings };
    }

    if (name === 'pipenv') {
        return pipenvPlan(locked('pipenv'), manager, consoleScript);
    }

    const requirements = manager && /\.(?:txt|in)$/.test(manager.evidence) ? manager.evidence : null;
    if (requirements) {
        if (!locked('pip').includes(requirements)) {
            warnings.push(
                `${requirements} does not pin every package with ==, so builds may install newer versions than you tested. Pin them (pip freeze, pip-compile or uv pip compile).`,
            );
        }
        return {
            plan: {
                name: 'pip',
                version: null,
                why: `${requirements} lists the dependencies; pip installs them into ${VENV}${consoleScript ? ', then the project itself for its console script' : ''}.`,
                manifests: [requirements],
                setup: [MAKE_VENV],
                install: ['pip', 'install', '-r', requirements],
                build: consoleScript ? ['pip', 'install', '--no-deps', '.'] : null,
                prune: null,
                env: VENV_ENV,
                cacheDir: '/root/.cache/pip',
            },
            warnings,
        };
    }
    if (!consoleScript && (!manager || manager.evidence === 'no dependencies')) {
        return { plan: null, warnings };
    }
    warnings.push(
        'No requirements file or lockfile: pip resolves dependency versions at build time, so builds are not reproducible. Lock them (uv lock, or pip-compile into requirements.txt).',
    );
    return {
        plan: {
            name: 'pip',
            version: null,
            why: `${manager?.evidence === 'no dependencies' ? `The start command is a console script of the project (${app.startCommand?.how ?? ''})` : 'pyproject.toml / setup.py describe the project'}; pip installs the project with its dependencies into ${VENV} once the sources are in.`,
            manifests: [],
            setup: [MAKE_VENV],
            install: null,
            build: ['pip', 'install', '.'],
            prune: null,
            env: VENV_ENV,
            cacheDir: '/root/.cache/pip',
        },
        warnings,
    };
}

/**
 * Pipenv installs into the venv it finds in VIRTUAL_ENV (its "courtesy" rule), so the lock goes straight into
 * /opt/venv: `--deploy` stops when Pipfile.lock is out of date with the Pipfile, `--ignore-pipfile` installs
 * exactly the lock, and without `--dev` only [packages] — never [dev-packages].
 */
function pipenvPlan(
    lockfiles: readonly string[],
    manager: PackageManagerFacts | undefined,
    consoleScript: boolean,
): PythonManagerPlan {
    const warnings: string[] = [];
    const tool = toolSpec('pipenv', manager);
    if (tool.warning) {
        warnings.push(tool.warning);
    }
    const frozen = lockfiles.length > 0;
    if (!frozen) {
        warnings.push(
            'No Pipfile.lock: Pipenv resolves dependency versions at build time, so builds are not reproducible. Commit the lockfile (pipenv lock writes it).',
        );
    }
    return {
        plan: {
            name: 'pipenv',
            version: tool.version,
            why: `${whyManager(manager, lockfiles)}; Pipenv installs ${frozen ? 'the locked [packages] (no dev-packages), refusing a lock that is out of date with the Pipfile,' : 'the [packages] (no dev-packages)'} into ${VENV}${consoleScript ? ', then the project itself for its console script' : ''}.`,
            manifests: ['Pipfile', ...lockfiles],
            setup: [MAKE_VENV, ['pip', 'install', tool.spec]],
            install: ['pipenv', 'install', ...(frozen ? ['--deploy', '--ignore-pipfile'] : [])],
            build: consoleScript ? ['pip', 'install', '--no-deps', '.'] : null,
            prune: null,
            env: { ...VENV_ENV, PIPENV_VERBOSITY: '-1' },
            // Pipenv keeps its own cache beside pip's: one mount holds both.
            cacheDir: '/root/.cache',
        },
        warnings,
    };
}

function whyManager(manager: PackageManagerFacts | undefined, lockfiles: readonly string[]): string {
    const name = manager?.name ?? 'pip';
    return lockfiles[0]
        ? `${lockfiles[0]} is ${name}'s lockfile`
        : `${name} is configured in ${manager?.evidence ?? 'the project'}`;
}

/** The tool's pip requirement: the version installed here when the pin allows it, else the pin, else unpinned (with a warning). */
function toolSpec(
    name: string,
    manager: PackageManagerFacts | undefined,
): { spec: string; version: string | null; warning?: string } {
    const declared = manager?.declared?.raw.trim() ?? null;
    const installed = manager?.installed ? (/\d+(?:\.\d+)+[\w.+-]*/.exec(manager.installed)?.[0] ?? null) : null;
    const exact = declared !== null && /^=?=?\s*\d+(?:\.\d+)*$/.test(declared) ? declared.replace(/^=+\s*/, '') : null;
    if (
        installed &&
        (declared === null || VERSION_SCHEMES.python.satisfies(installed, exact ? `==${exact}` : declared) !== false)
    ) {
        return { spec: `${name}==${installed}`, version: installed };
    }
    if (exact) {
        return { spec: `${name}==${exact}`, version: exact };
    }
    if (declared) {
        return {
            spec: `${name}${declared}`,
            version: null,
            warning: `${manager?.declared?.file ?? name}:${manager?.declared?.line ?? 1} allows ${name} ${declared} but pins no exact version, so the image installs the newest match. Pin it (e.g. ${name}==<version>).`,
        };
    }
    const how =
        name === 'uv'
            ? ' with [tool.uv] required-version'
            : name === 'poetry'
              ? ' with requires-poetry in [tool.poetry]'
              : ' (install it here, or pin it in the Dockerfile)';
    return {
        spec: name,
        version: null,
        warning: `${name} is neither pinned nor installed here, so the image installs the newest ${name}. Pin it${how}.`,
    };
}
