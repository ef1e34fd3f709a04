import { planToText } from '../core/plan/planToText';
import { renderRecipe } from '../core/plan/renderRecipe';
import { RecipeConflictError, writeRecipe } from '../core/recipe/writeRecipe';
import { planProject, savePlan } from '../pipeline/planProject';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';
import { planOptionsFrom } from './planOptionsFrom';
import { projectRootOf } from './planCommand';

/** `parity recipe [PATH] [--force]`: plan, then write Dockerfile and .dockerignore (never over the user's without --force). */
export async function recipeCommand(context: CliContext): Promise<ExitCode> {
    await writeProjectRecipe(context);
    return ExitCode.Ok;
}

/** Shared by `recipe` and `package`: returns the plan and the builder the recipe was rendered for. */
export async function writeProjectRecipe(context: CliContext): Promise<{ plan: Awaited<ReturnType<typeof planProject>>['plan']; builder: 'buildkit' | 'classic' }> {
    const projectRoot = projectRootOf(context);
    const { plan } = await planProject(projectRoot, { log: context.log, toolVersion: context.version, env: context.env, signal: context.signal, plan: planOptionsFrom(context) });
    await savePlan(plan);
    const builder = await builderFor(context);
    const recipe = renderRecipe(plan, { buildkit: builder === 'buildkit' });
    try {
        const files = await writeRecipe(projectRoot, recipe, context.options.force ? { replace: new Set(['Dockerfile', '.dockerignore']) } : {});
        for (const file of files) {
            context.log.info(`${file.name}: ${file.status === 'same' ? 'unchanged' : file.status === 'new' ? 'written' : 'replaced'}`);
        }
    } catch (error) {
        if (error instanceof RecipeConflictError) {
            throw new CliUsageError(`${error.message} Compare with \`parity plan\`, then run again with --force to replace ${error.files.length === 1 ? 'it' : 'them'}.`);
        }
        throw error;
    }
    context.log.info(planToText(plan));
    return { plan, builder };
}

/** BuildKit when the engine has it; without an engine, the recipe is written for BuildKit (the common case). */
async function builderFor(context: CliContext): Promise<'buildkit' | 'classic'> {
    try {
        const status = await (await engineClientFor(context)).status(context.signal);
        return status.buildkit ? 'buildkit' : 'classic';
    } catch (error) {
        context.log.warn(`No engine to ask whether it has BuildKit (${error instanceof Error ? error.message : String(error)}); writing the recipe for BuildKit.`);
        return 'buildkit';
    }
}
