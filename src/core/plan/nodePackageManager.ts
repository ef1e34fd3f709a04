import semver from 'semver';
import type { AppFacts, LockfileFact, PackageManagerFacts, Snapshot } from '../snapshot/Snapshot';
import type { PackageManagerPlan } from './Plan';

/** Corepack left Node's distribution in Node 25; this version is installed with npm there. */
export const COREPACK_VERSION = '0.36.0';
const FIRST_NODE_WITHOUT_COREPACK = 25;
const NPM_REGISTRY = 'https://registry.npmjs.org';

/** Why the image builds the app before it runs, or null when the sources run as they are. */
export interface NodeBuild {
    readonly why: string;
}

/** Frameworks whose start command serves what their build step produces. */
const BUILT_FRAMEWORKS: ReadonlySet<string> = new Set([
    'next',
    'nuxt',
    'remix',
    'react-router',
    'sveltekit',
    'astro',
    'gatsby',
    'create-react-app',
    'vite',
]);
/** Build output folders, relative to the app's package. */
const BUILD_OUTPUT = /^(?:dist|build|out)\//;

/**
 * The snapshot does not record package.json scripts, so a build is inferred from what the app runs:
 * an entry inside a build output folder (dist/main.js), or a framework that serves its build output.
 */
export function nodeBuildNeed(app: AppFacts): NodeBuild | null {
    const entry = app.entry?.value;
    const inPackage =
        entry && app.root !== '.' && entry.startsWith(`${app.root}/`) ? entry.slice(app.root.length + 1) : entry;
    if (entry && inPackage && BUILD_OUTPUT.test(inPackage)) {
        return { why: `the app runs ${entry} (${app.entry?.how ?? 'entry'}), which the build script produces` };
    }
    const framework = app.framework?.value;
    if (framework && BUILT_FRAMEWORKS.has(framework)) {
        return { why: `${framework} serves what its build step produces` };
    }
    return null;
}

export interface NodeManagerInput {
    readonly snapshot: Snapshot;
    readonly app: AppFacts;
    readonly manager: PackageManagerFacts;
    readonly build: NodeBuild | null;
    /** The major version of node in the image, for corepack's availability. */
    readonly nodeMajor: number | null;
}

export interface NodeManagerPlan {
    readonly plan: PackageManagerPlan;
    readonly warnings: readonly string[];
}

type Flavor = 'npm' | 'yarn-classic' | 'yarn-berry' | 'pnpm' | 'bun';

/**
 * Install commands per manager, production-only unless a build needs dev dependencies (then install all,
 * build, prune). Manifests, lockfiles and every workspace package's package.json are copied first so the
 * install layer is reused until one of them changes.
 */
export function nodePackageManager(input: NodeManagerInput): NodeManagerPlan {
    const { snapshot, app, manager, build } = input;
    const lockfiles = snapshot.lockfiles.filter(
        (lockfile) => lockfile.manager === manager.name && lockfile.packageRoot === '.',
    );
    const locked = lockfiles.length > 0;
    const pinned = manager.declared?.raw ?? null;
    const flavor = flavorOf(manager.name, pinned, lockfiles);
    const version =
        pinned ?? (manager.installed ? (semver.coerce(manager.installed)?.version ?? manager.installed) : null);
    const workspaces = app.workspacePackages.length > 0 || app.root !== '.';
    const warnings: string[] = [];

    const corepack = flavor === 'pnpm' || flavor === 'yarn-berry' || (flavor === 'yarn-classic' && pinned !== null);
    const setup: string[][] = [];
    if (corepack) {
        if (input.nodeMajor !== null && input.nodeMajor >= FIRST_NODE_WITHOUT_COREPACK) {
            setup.push(['npm', 'install', '--global', `corepack@${COREPACK_VERSION}`]);
        }
        setup.push(['corepack', 'enable']);
    }
    if (flavor === 'bun') {
        // bun is an npm package (its binary comes from @oven/bun-<platform>): installed from the registry at
        // build time, at the version pinned or installed here — never downloaded when the container starts.
        setup.push(['npm', 'install', '--global', version ? `bun@${version}` : 'bun']);
        if (!version) {
            warnings.push(
                'bun is neither pinned (package.json#packageManager "bun@<version>") nor installed here, so the image installs the newest bun. Pin it.',
            );
        }
    }
    // corepack fetches yarn 2+ from repo.yarnpkg.com unless given an npm registry: the dependencies' registry
    // then serves the manager too (@yarnpkg/cli-dist), the one place a build needs to reach (and its mirror, if any).
    const env: Record<string, string> = corepack
        ? { COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', COREPACK_NPM_REGISTRY: NPM_REGISTRY }
        : {};
    if (flavor === 'yarn-berry' && pinned !== null) {
        // corepack already runs the pinned yarn; .yarn/releases is not copied before the install.
        env.YARN_IGNORE_PATH = '1';
    }

    const commands = commandsFor(flavor, locked, build !== null, app.root, pinned);
    const manifests = [
        'package.json',
        ...lockfiles.map((lockfile) => lockfile.file),
        ...(flavor === 'pnpm' && workspaces ? ['pnpm-workspace.yaml'] : []),
        ...(flavor === 'yarn-berry' ? ['.yarnrc.yml*'] : []),
        ...[...new Set([app.root, ...app.workspacePackages])]
            .filter((dir) => dir !== '.')
            .sort()
            .map((dir) => `${dir}/package.json`),
    ];

    const lockName = LOCKFILE_NAMES[manager.name] ?? 'a lockfile';
    if (!locked) {
        warnings.push(
            `No ${lockName}: ${manager.name} resolves dependency versions at build time, so builds are not reproducible and may install versions you never tested. Commit the lockfile (${manager.name} install writes it).`,
        );
    }
    if (flavor === 'yarn-berry' && pinned === null) {
        warnings.push(
            'yarn 2+ (berry) is not pinned in package.json#packageManager: corepack would run yarn 1, which cannot install this project. Run `yarn set version stable` to pin it.',
        );
    }
    if (flavor === 'yarn-berry' && (semver.coerce(pinned)?.major ?? 4) < 4) {
        warnings.push(
            `yarn ${pinned ?? ''} has no \`yarn workspaces focus\` without the workspace-tools plugin (built in from yarn 4), so the image installs dev dependencies too.`,
        );
    }
    if (flavor === 'yarn-berry') {
        warnings.push(
            "With yarn berry the app must use the node-modules linker (nodeLinker: node-modules in .yarnrc.yml) for `node …` to find its dependencies; with Plug'n'Play start it with `yarn node …` instead.",
        );
    }
    if (build && workspaces && flavor !== 'pnpm' && app.workspacePackages.length > 0) {
        warnings.push(
            `Only ${app.root}'s build script runs; if it needs other workspace packages built first (${app.workspacePackages.join(', ')}), add their builds to the Dockerfile.`,
        );
    }

    const evidence =
        manager.evidence === 'packageManager'
            ? `${manager.name}${pinned ? ` ${pinned}` : ''} is pinned in ${manager.declared?.source ?? 'package.json#packageManager'}`
            : manager.evidence === 'lockfile'
              ? `${manager.name} wrote the project's lockfile ${lockfiles[0]?.file ?? lockName}`
              : `${manager.name} is the default: the project has no lockfile and no packageManager pin`;
    const how = build
        ? `installs every dependency, builds (${build.why}), then prunes to production dependencies`
        : 'installs production dependencies only';
    const frozen = locked ? `exactly as ${lockfiles[0]?.file ?? lockName} says` : 'resolving versions afresh';
    return {
        plan: {
            name: manager.name,
            version,
            why: `${evidence}; the image ${how}, ${frozen}${corepack ? `, with ${manager.name} from corepack` : ''}${flavor === 'bun' ? `, with bun${version ? ` ${version}` : ''} installed from the npm registry at build time (never when the container starts)` : ''}.`,
            manifests,
            setup,
            install: commands.install,
            build: commands.build,
            prune: commands.prune,
            env,
            cacheDir: CACHE_DIRS[flavor],
        },
        warnings,
    };
}

const LOCKFILE_NAMES: Readonly<Record<string, string>> = {
    npm: 'package-lock.json',
    yarn: 'yarn.lock',
    pnpm: 'pnpm-lock.yaml',
    bun: 'bun.lock',
};

const CACHE_DIRS: Readonly<Record<Flavor, string>> = {
    npm: '/root/.npm',
    'yarn-classic': '/usr/local/share/.cache/yarn',
    'yarn-berry': '/root/.yarn/berry/cache',
    pnpm: '/root/.local/share/pnpm/store',
    bun: '/root/.bun/install/cache',
};

function flavorOf(name: string, pinned: string | null, lockfiles: readonly LockfileFact[]): Flavor {
    if (name === 'pnpm' || name === 'bun') {
        return name;
    }
    if (name === 'yarn') {
        const format = lockfiles.find((lockfile) => lockfile.format !== undefined)?.format;
        const major = pinned ? semver.coerce(pinned)?.major : undefined;
        return format === 'berry' || (major !== undefined && major >= 2) ? 'yarn-berry' : 'yarn-classic';
    }
    return 'npm';
}

interface Commands {
    readonly install: string[];
    readonly build: string[] | null;
    readonly prune: string[] | null;
}

function commandsFor(
    flavor: Flavor,
    locked: boolean,
    build: boolean,
    appRoot: string,
    pinned: string | null,
): Commands {
    const inApp = appRoot !== '.';
    switch (flavor) {
        case 'npm':
            return build
                ? {
                      install: ['npm', locked ? 'ci' : 'install'],
                      build: ['npm', 'run', 'build', ...(inApp ? [`--workspace=${appRoot}`] : [])],
                      prune: ['npm', 'prune', '--omit=dev'],
                  }
                : { install: ['npm', locked ? 'ci' : 'install', '--omit=dev'], build: null, prune: null };
        case 'yarn-classic': {
            const frozen = locked ? ['--frozen-lockfile'] : [];
            return build
                ? {
                      install: ['yarn', 'install', ...frozen],
                      build: ['yarn', ...(inApp ? ['--cwd', appRoot] : []), 'run', 'build'],
                      prune: ['yarn', 'install', ...frozen, '--production', '--ignore-scripts'],
                  }
                : { install: ['yarn', 'install', ...frozen, '--production'], build: null, prune: null };
        }
        case 'yarn-berry': {
            const focus =
                (semver.coerce(pinned)?.major ?? 4) >= 4 || pinned === null
                    ? ['yarn', 'workspaces', 'focus', '--all', '--production']
                    : ['yarn', 'install', ...(locked ? ['--immutable'] : [])];
            return build
                ? {
                      install: ['yarn', 'install', ...(locked ? ['--immutable'] : [])],
                      build: ['yarn', ...(inApp ? ['--cwd', appRoot] : []), 'run', 'build'],
                      prune: focus,
                  }
                : { install: focus, build: null, prune: null };
        }
        case 'bun': {
            const frozen = locked ? ['--frozen-lockfile'] : [];
            // bun has no prune: a production install into an emptied node_modules drops the dev dependencies.
            return build
                ? {
                      install: ['bun', 'install', ...frozen],
                      build: ['bun', 'run', ...(inApp ? ['--cwd', appRoot] : []), 'build'],
                      prune: [
                          'sh',
                          '-c',
                          `rm -rf node_modules && bun install ${[...frozen, '--production'].join(' ')}`,
                      ],
                  }
                : { install: ['bun', 'install', ...frozen, '--production'], build: null, prune: null };
        }
        case 'pnpm': {
            const frozen = locked ? ['--frozen-lockfile'] : [];
            return build
                ? {
                      install: ['pnpm', 'install', ...frozen],
                      build: ['pnpm', ...(inApp ? ['--filter', `{${appRoot}}...`] : []), 'run', 'build'],
                      prune: ['pnpm', 'prune', '--prod', '--ignore-scripts'],
                  }
                : { install: ['pnpm', 'install', ...frozen, '--prod'], build: null, prune: null };
        }
    }
}
