import type { PlanOptions } from '../core/plan/PlanContext';
import { readConfig } from './config';

/**
 * The parity.recipe.* settings as plan options, read fresh: Package App and Run in Sandbox (which packages
 * when needed) must plan alike, or the sandbox would rebuild the image without the mirrors and base image set.
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
