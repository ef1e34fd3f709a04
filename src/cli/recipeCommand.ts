import { planToText } from '../core/plan/planToText';
import { RecipeConflictError } from '../core/recipe/writeRecipe';
import { type PackageHooks, prepareRecipe } from '../pipeline/packageProject';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';
import { planOptionsFrom } from './planOptionsFrom';
import { projectRootOf } from './planCommand';

/** `parity recipe [PATH] [--force]`: plan, then write Dockerfile and .dockerignore (never over the user's without --force). */
export async function recipeCommand(context: CliContext): Promise<ExitCode> {
    const projectRoot = await projectRootOf(context);
    try {
        // Writing the recipe is the whole point here: a file of the user's that stands in the way stops it.
        await prepareRecipe(projectRoot, {
            log: context.log,
            toolVersion: context.version,
            env: context.env,
            signal: context.signal,
            plan: planOptionsFrom(context),
            buildkit: await hasBuildkit(context),
            hooks: {
                review: logPlan(context),
                confirm: (files) =>
                    Promise.resolve(context.options.force ? { replace: new Set(files.map((file) => file.name)) } : {}),
            },
        });
    } catch (error) {
        if (error instanceof RecipeConflictError) {
            throw new CliUsageError(
                `${error.message} Compare with \`parity plan\`, then run again with --force to replace ${error.files.length === 1 ? 'it' : 'them'}.`,
            );
        }
        throw error;
    }
    return ExitCode.Ok;
}

/** `package` and `run`: --force replaces the user's files; without it they are kept and built as they are. */
export function confirmFromFlags(context: CliContext): NonNullable<PackageHooks['confirm']> {
    return (files) => {
        const names = files.map((file) => file.name);
        if (context.options.force) {
            return Promise.resolve({ replace: new Set(names) });
        }
        context.log.warn(
            `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} yours (not written by Parity, or changed since): built as ${names.length === 1 ? 'it is' : 'they are'}. --force replaces ${names.length === 1 ? 'it' : 'them'} with Parity's.`,
        );
        return Promise.resolve({ keep: new Set(names) });
    };
}

/** The plan on stderr as it is decided, for the log of a CI run. */
export function logPlan(context: CliContext): NonNullable<PackageHooks['review']> {
    return ({ plan }) => {
        context.log.info(planToText(plan));
        return Promise.resolve(plan);
    };
}

/** BuildKit when the engine has it; without an engine, the recipe is written for BuildKit (the common case). */
async function hasBuildkit(context: CliContext): Promise<boolean> {
    try {
        return (await (await engineClientFor(context)).status(context.signal)).buildkit;
    } catch (error) {
        context.log.warn(
            `No engine to ask whether it has BuildKit (${error instanceof Error ? error.message : String(error)}); writing the recipe for BuildKit.`,
        );
        return true;
    }
}
