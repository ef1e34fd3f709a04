import type { PlanOptions } from '../core/plan/PlanContext';
import type { CliContext } from './CliContext';
import { parsePortOption } from './parsePortOption';

/** Plan settings from the environment, as the VS Code settings give them in the editor, and --port (a number, or none). */
export function planOptionsFrom(context: CliContext): Omit<PlanOptions, 'projectRoot'> {
    const registry = context.env.PARITY_BASE_IMAGE_REGISTRY?.trim();
    const override = context.env.PARITY_BASE_IMAGE?.trim();
    const maven = context.env.PARITY_MAVEN_MIRROR?.trim();
    const rubygems = context.env.PARITY_RUBYGEMS_MIRROR?.trim();
    const port = context.options.port === undefined ? undefined : parsePortOption(context.options.port);
    return {
        ...(port === undefined ? {} : { overrides: { port } }),
        ...(registry ? { baseImageRegistry: registry } : {}),
        ...(override ? { baseImageOverride: override } : {}),
        ...(maven || rubygems
            ? { dependencyMirrors: { ...(maven ? { maven } : {}), ...(rubygems ? { rubygems } : {}) } }
            : {}),
    };
}
