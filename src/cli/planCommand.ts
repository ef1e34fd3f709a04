import { planToText } from '../core/plan/planToText';
import { planProject, savePlan } from '../pipeline/planProject';
import { requireProjectFolder } from '../pipeline/requireProjectFolder';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { ExitCode } from './ExitCode';
import { planOptionsFrom } from './planOptionsFrom';

/** `parity plan [PATH] [--json]`: what Parity would build and why; saved as .parity/plan.json. */
export async function planCommand(context: CliContext): Promise<ExitCode> {
    const projectRoot = await projectRootOf(context);
    const { plan } = await planProject(projectRoot, {
        log: context.log,
        toolVersion: context.version,
        env: context.env,
        signal: context.signal,
        plan: planOptionsFrom(context),
    });
    const saved = await savePlan(plan);
    context.log.info(`Plan saved to ${saved}`);
    context.stdout(context.options.json ? JSON.stringify(plan, null, 2) : planToText(plan));
    return ExitCode.Ok;
}

/** The one PATH argument (default: the current folder), which must be an existing folder. */
export async function projectRootOf(context: CliContext): Promise<string> {
    if (context.args.length > 1) {
        throw new CliUsageError(`one PATH at most, not ${context.args.length}`);
    }
    return requireProjectFolder(context.args[0] ?? '.');
}
