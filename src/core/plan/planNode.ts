import { chooseRuntimeVersion } from './chooseRuntimeVersion';
import { runtimeImage } from './chooseBaseImage';
import { nativeSystemPackages } from './nativeSystemPackages';
import { nodeBuildNeed, nodePackageManager } from './nodePackageManager';
import type { EcosystemPlan, PlanContext } from './PlanContext';

/** PATH in the official node images. */
const NODE_IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The official image's non-root user (uid 1000). */
export const NODE_USER = 'node';
const MANAGERS_WITH_STRATEGY: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun']);

/** Node.js: the runtime version, the package manager's install (and build) steps, NODE_ENV=production, user node. */
export function planNode(context: PlanContext): EcosystemPlan | { readonly unsupported: string } {
    const { snapshot, options, os, app } = context;
    const managers = snapshot.packageManagers.filter((manager) => manager.ecosystem === 'node');
    const manager = managers[0] ?? { name: 'npm', ecosystem: 'node' as const, declared: null, evidence: 'default' };
    if (!MANAGERS_WITH_STRATEGY.has(manager.name)) {
        return {
            unsupported: `${manager.name} (${manager.evidence}) installs this project's dependencies, and Parity has no ${manager.name} recipe yet`,
        };
    }
    const version = chooseRuntimeVersion('node', snapshot.runtimes.node, options.overrides?.runtimeVersion);
    const base = runtimeImage('node', version.decision, os, {
        ...(options.baseImageRegistry ? { registry: options.baseImageRegistry } : {}),
        ...(options.baseImageOverride ? { override: options.baseImageOverride } : {}),
    });
    const major = Number.parseInt(version.decision.value, 10);
    const build = nodeBuildNeed(app);
    const packageManager = nodePackageManager({
        snapshot,
        app,
        manager,
        build,
        nodeMajor: Number.isNaN(major) ? null : major,
    });

    const warnings = [...version.warnings, ...packageManager.warnings];
    const native = snapshot.nativeDependencies.filter((dependency) => dependency.ecosystem === 'node');
    const systemPackages = nativeSystemPackages(native, 'node', os);
    if (native.length > 0 && !systemPackages) {
        const needs = [...new Set(native.flatMap((dependency) => dependency.needs))];
        warnings.push(
            `Native modules (${native.map((dependency) => dependency.name).join(', ')}) compile when no prebuilt binary fits ${os.libc}; the slim image has no compiler. If the install fails, add \`RUN apt-get update && apt-get install -y --no-install-recommends ${needs.join(' ')}\` before it${packageManager.plan.build ? '' : ' (in a build stage, to keep the compiler out of the final image)'}.`,
        );
    }
    const runner = app.startCommand?.value[0];
    if ((runner === 'pnpm' || runner === 'yarn') && options.overrides?.startCommand === undefined) {
        warnings.push(
            `The start command runs ${runner}, which corepack downloads on first use as user ${NODE_USER}; start the app with node directly so the container needs no network to boot.`,
        );
    }
    // node-gyp downloads the runtime's headers unless told where they are; Node images ship them in /usr/local/include/node.
    const gyp = systemPackages?.build.includes('g++') ?? false;
    return {
        ecosystem: 'node',
        base,
        packageManager: gyp
            ? { ...packageManager.plan, env: { ...packageManager.plan.env, npm_config_nodedir: '/usr/local' } }
            : packageManager.plan,
        ...(systemPackages ? { systemPackages } : {}),
        user: NODE_USER,
        // As npm start does: a start command naming a package's binary (next start, nest start) finds it.
        // Spelled out (the official image's PATH after the app's bins) rather than `$PATH`, so it reads the same everywhere.
        env: {
            NODE_ENV: 'production',
            PATH: [
                ...[...new Set([app.root, '.'])].map((dir) =>
                    dir === '.' ? '/app/node_modules/.bin' : `/app/${dir}/node_modules/.bin`,
                ),
                NODE_IMAGE_PATH,
            ].join(':'),
        },
        warnings,
        todo: [],
    };
}
