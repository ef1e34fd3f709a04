import { chooseRuntimeVersion } from './chooseRuntimeVersion';
import { runtimeImage } from './chooseBaseImage';
import { nativeSystemPackages } from './nativeSystemPackages';
import type { EcosystemPlan, PlanContext } from './PlanContext';
import { PYTHON_MANAGERS_WITH_STRATEGY, pythonPackageManager, VENV_ENV } from './pythonPackageManager';

/** Created in the Dockerfile: the official Python images have no non-root user. */
export const APP_USER = 'app';

/** Python: the runtime version, dependencies into a venv in a throwaway stage, unbuffered output, a non-root user. */
export function planPython(context: PlanContext): EcosystemPlan | { readonly unsupported: string } {
    const { snapshot, options, os, app } = context;
    const manager = snapshot.packageManagers.find((candidate) => candidate.ecosystem === 'python');
    if (manager && !PYTHON_MANAGERS_WITH_STRATEGY.has(manager.name)) {
        return {
            unsupported: `${manager.name} (${manager.evidence}) installs this project's dependencies, and Parity has no ${manager.name} recipe yet`,
        };
    }
    const version = chooseRuntimeVersion('python', snapshot.runtimes.python, options.overrides?.runtimeVersion);
    const base = runtimeImage('python', version.decision, os, {
        ...(options.baseImageRegistry ? { registry: options.baseImageRegistry } : {}),
        ...(options.baseImageOverride ? { override: options.baseImageOverride } : {}),
    });
    const consoleScript =
        options.overrides?.startCommand === undefined && (app.startCommand?.how.startsWith('console script') ?? false);
    const packageManager = pythonPackageManager(snapshot, app, manager, consoleScript);

    const warnings = [...version.warnings, ...packageManager.warnings];
    const native = snapshot.nativeDependencies.filter((dependency) => dependency.ecosystem === 'python');
    const systemPackages = packageManager.plan ? nativeSystemPackages(native, 'python', os) : null;
    if (native.length > 0 && !systemPackages) {
        const needs = [...new Set(native.flatMap((dependency) => dependency.needs))];
        warnings.push(
            `${native.map((dependency) => `${dependency.name} (${dependency.reason})`).join('; ')}: when no wheel fits ${os.libc}, pip compiles it and the slim image has no compiler. Prefer a binary wheel, or add \`RUN apt-get update && apt-get install -y --no-install-recommends ${needs.join(' ')}\` to the deps stage and the matching runtime libraries to the final one.`,
        );
    }
    return {
        ecosystem: 'python',
        base,
        packageManager: packageManager.plan,
        ...(systemPackages ? { systemPackages } : {}),
        user: APP_USER,
        env: { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', ...(packageManager.plan ? VENV_ENV : {}) },
        warnings,
        todo: [],
    };
}
