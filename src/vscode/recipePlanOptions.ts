import type { PlanOptions } from '../core/plan/PlanContext';
import { readConfig } from './config';

/**
 * The plan options the parity.recipe.* settings give: Package App and Run in Sandbox (which packages a stale
 * folder first) plan with the same ones, so a sandbox never rewrites the Dockerfile without the user's mirrors.
 */
export function recipePlanOptions(): Omit<PlanOptions, 'projectRoot'> {
    const config = readConfig().recipe;
    return {
        ...(config.baseImageRegistry ? { baseImageRegistry: config.baseImageRegistry } : {}),
        ...(config.baseImage ? { baseImageOverride: config.baseImage } : {}),
        ...(Object.keys(config.dependencyMirrors).length > 0 ? { dependencyMirrors: config.dependencyMirrors } : {}),
        bakeCa: config.bakeCa,
    };
}
