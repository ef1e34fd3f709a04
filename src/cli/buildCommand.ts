import { BuildError } from '../core/build/BuildError';
import { imageTagFor } from '../pipeline/imageTagFor';
import { buildProject } from '../pipeline/buildProject';
import type { CliContext } from './CliContext';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';
import { projectRootOf } from './planCommand';
import { printBuildEvent } from './printBuildEvent';
import { reportBuildError } from './reportBuildError';
import { writeProjectRecipe } from './recipeCommand';

/** `parity build [PATH] [--tag T]`: builds the folder's Dockerfile as it is (Parity's or the user's). */
export async function buildCommand(context: CliContext): Promise<ExitCode> {
    return runBuild(context, projectRootOf(context));
}

/** `parity package [PATH] [--tag T] [--force]`: plan, recipe and build in a row. */
export async function packageCommand(context: CliContext): Promise<ExitCode> {
    const { plan } = await writeProjectRecipe(context);
    return runBuild(context, plan.projectRoot, plan);
}

async function runBuild(context: CliContext, projectRoot: string, plan?: Parameters<typeof buildProject>[1]['plan']): Promise<ExitCode> {
    const client = await engineClientFor(context);
    const status = await client.status(context.signal);
    const tag = context.options.tag ?? imageTagFor(projectRoot, plan?.appRoot);
    const progress = printBuildEvent(context.stderr, context.options.verbose);
    try {
        const result = await buildProject(client, {
            projectRoot,
            tag,
            builder: status.buildkit ? 'buildkit' : 'classic',
            log: context.log,
            env: context.env,
            signal: context.signal,
            onEvent: progress,
            onContext: (built) => context.log.info(`Context: ${built.fileCount} files, ${(built.size / 1024).toFixed(0)} KiB`),
            ...(plan ? { plan } : {}),
        });
        context.stdout(`${result.tag} ${result.imageId}`);
        context.log.info(`Built ${result.tag} with ${result.builder === 'buildkit' ? 'BuildKit' : 'the classic builder'} in ${(result.durationMs / 1000).toFixed(1)} s`);
        return ExitCode.Ok;
    } catch (error) {
        if (error instanceof BuildError) {
            return reportBuildError(context, error);
        }
        throw error;
    }
}
