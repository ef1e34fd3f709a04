import { BuildError } from '../core/build/BuildError';
import type { BuildContext } from '../engine/build/buildContext';
import type { BuildResult } from '../engine/build/buildImage';
import { buildProject } from '../pipeline/buildProject';
import { imageTagFor } from '../pipeline/imageTagFor';
import { packageProject } from '../pipeline/packageProject';
import type { CliContext } from './CliContext';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';
import { planOptionsFrom } from './planOptionsFrom';
import { projectRootOf } from './planCommand';
import { printBuildEvent } from './printBuildEvent';
import { confirmFromFlags, logPlan } from './recipeCommand';
import { reportBuildError } from './reportBuildError';

/** `parity build [PATH] [--tag T]`: builds the folder's Dockerfile as it is (Parity's or the user's). */
export async function buildCommand(context: CliContext): Promise<ExitCode> {
    const projectRoot = await projectRootOf(context);
    const client = await engineClientFor(context);
    const status = await client.status(context.signal);
    return reported(context, () =>
        buildProject(client, {
            projectRoot,
            tag: context.options.tag ?? imageTagFor(projectRoot),
            builder: status.buildkit ? 'buildkit' : 'classic',
            log: context.log,
            env: context.env,
            signal: context.signal,
            ...progressOf(context),
        }),
    );
}

/**
 * `parity package [PATH] [--tag T] [--force]`: plan, recipe and build in a row. A file of the user's is
 * replaced only with --force; without it, it is built as it is.
 */
export async function packageCommand(context: CliContext): Promise<ExitCode> {
    const projectRoot = await projectRootOf(context);
    const client = await engineClientFor(context);
    const status = await client.status(context.signal);
    return reported(context, async () => {
        const packaged = await packageProject(client, projectRoot, {
            log: context.log,
            toolVersion: context.version,
            env: context.env,
            signal: context.signal,
            plan: planOptionsFrom(context),
            buildkit: status.buildkit,
            ...(context.options.tag === undefined ? {} : { tag: context.options.tag }),
            hooks: {
                review: logPlan(context),
                confirm: confirmFromFlags(context),
                build: (_tag, run) => run(progressOf(context)),
            },
        });
        // Only a hook can stop packaging, and these never do.
        if (!packaged?.build) {
            throw new Error('packaging stopped before the build');
        }
        return packaged.build;
    });
}

function progressOf(context: CliContext): {
    onEvent: ReturnType<typeof printBuildEvent>;
    onContext: (built: BuildContext) => void;
} {
    return {
        onEvent: printBuildEvent(context.stderr, context.options.verbose),
        onContext: (built) =>
            context.log.info(`Context: ${built.fileCount} files, ${(built.size / 1024).toFixed(0)} KiB`),
    };
}

/** Runs a build and prints its image (stdout) and summary, or its failure with the Dockerfile line. */
async function reported(context: CliContext, build: () => Promise<BuildResult>): Promise<ExitCode> {
    try {
        const result = await build();
        context.stdout(`${result.tag} ${result.imageId}`);
        context.log.info(
            `Built ${result.tag} with ${result.builder === 'buildkit' ? 'BuildKit' : 'the classic builder'} in ${(result.durationMs / 1000).toFixed(1)} s`,
        );
        return ExitCode.Ok;
    } catch (error) {
        if (error instanceof BuildError) {
            return reportBuildError(context, error);
        }
        throw error;
    }
}
