import type { BuildEventListener } from '../core/build/BuildEvent';
import type { Logger } from '../core/Logger';
import type { Plan } from '../core/plan/Plan';
import { CA_SECRET_ID } from '../core/plan/planFromSnapshot';
import type { EngineClient } from '../engine/EngineClient';
import { EngineError } from '../engine/EngineError';
import { type BuildContext, createBuildContext } from '../engine/build/buildContext';
import { type Builder, buildImage, type BuildResult } from '../engine/build/buildImage';
import { hostCaBundle } from '../targets/host/hostCertificates';
import { shortSha256 } from './imageFreshness';
import { projectImageName } from './imageTagFor';
import { overrideContext, type RecipeOverride } from './recipeOverride';
import { removeLeftoverImage } from './removeLeftoverImage';

/** A context above this size is worth a warning: something big (data, build output) is not ignored. */
export const LARGE_CONTEXT_BYTES = 200 * 1024 * 1024;

/** The file a classic build finds the CA bundle in; injected into the context, never written to the project. */
export const CLASSIC_CA_FILE = '.parity-ca.pem';

export interface BuildProjectOptions {
    readonly projectRoot: string;
    /** The Dockerfile, relative to the project root (default "Dockerfile"). */
    readonly dockerfile?: string;
    readonly tag: string;
    /**
     * A Dockerfile (and .dockerignore) to build instead of the folder's, sent in the context only and never
     * written to the project — an image that differs from the project's on purpose (Run like Target).
     */
    readonly recipe?: RecipeOverride;
    /** The plan the Dockerfile came from, when Parity wrote it: its identity goes into the labels. */
    readonly plan?: Plan;
    readonly builder: Builder;
    /** Ignore the layer cache (every step runs again). */
    readonly noCache?: boolean;
    readonly log: Logger;
    readonly env?: NodeJS.ProcessEnv;
    readonly signal?: AbortSignal;
    readonly onEvent?: BuildEventListener;
    /** Called once the context is packed, before anything is sent. */
    readonly onContext?: (context: BuildContext) => void;
}

/**
 * Builds the project's Dockerfile — Parity's or the user's — on the engine. When the Dockerfile asks for the
 * CA bundle (a `parity-ca` secret mount under BuildKit, `COPY .parity-ca.pem` for the classic builder), this
 * machine's bundle is served as a secret or injected into the context only; it never lands in the project.
 * When the build moves the tag off an image of Parity's that nothing else uses, that image is removed.
 */
export async function buildProject(
    client: EngineClient,
    options: BuildProjectOptions,
): Promise<BuildResult & { contextBytes: number }> {
    const override = overrideContext(options.recipe);
    const contextOptions = {
        ...(options.dockerfile ? { dockerfile: options.dockerfile } : {}),
        ...(override.dockerignore === undefined ? {} : { dockerignore: override.dockerignore }),
        ...(options.signal ? { signal: options.signal } : {}),
    };
    const extraFiles = override.extraFiles ?? {};
    const probe = await createBuildContext(options.projectRoot, { ...contextOptions, extraFiles });
    const dockerfile = (await probe.readText(probe.dockerfile)) ?? '';
    const wantsSecret = options.builder === 'buildkit' && new RegExp(`id=${CA_SECRET_ID}\\b`).test(dockerfile);
    const wantsFile = options.builder === 'classic' && dockerfile.includes(`COPY ${CLASSIC_CA_FILE}`);
    const bundle =
        wantsSecret || wantsFile
            ? await hostCaBundle(options.env ?? process.env, options.projectRoot, {
                  cwd: options.projectRoot,
                  env: options.env ?? process.env,
              })
            : undefined;
    if (bundle) {
        options.log.info(
            `Build: serving the CA bundle (public roots + ${bundle.extra} extra CA${bundle.extra === 1 ? '' : 's'} this machine trusts) ${wantsSecret ? `as the BuildKit secret "${CA_SECRET_ID}"` : `as ${CLASSIC_CA_FILE} in the context of a throwaway stage`}.`,
        );
    }
    const context =
        wantsFile && bundle
            ? await createBuildContext(options.projectRoot, {
                  ...contextOptions,
                  extraFiles: { ...extraFiles, [CLASSIC_CA_FILE]: Buffer.from(bundle.pem) },
              })
            : probe;
    options.onContext?.(context);
    if (context.size > LARGE_CONTEXT_BYTES) {
        options.log.warn(
            `Build: the context is ${Math.round(context.size / 1024 / 1024)} MiB — add what the image does not need to .dockerignore.`,
        );
    }
    const previous = await client.inspectImage(options.tag, options.signal).then(
        (image) => image.Id,
        (error: unknown) => {
            if (error instanceof EngineError && error.statusCode === 404) {
                return undefined;
            }
            throw error;
        },
    );
    const result = await buildImage(client.buildDeps(), {
        context,
        tag: options.tag,
        builder: options.builder,
        ...(options.noCache ? { noCache: true } : {}),
        labels: dynamicLabels(options.plan, dockerfile),
        ...(wantsSecret && bundle ? { secrets: { [CA_SECRET_ID]: Buffer.from(bundle.pem) } } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    if (previous !== undefined && previous !== result.imageId) {
        await removeLeftoverImage(client, previous, options.log, options.signal);
    }
    return { ...result, contextBytes: context.size };
}

/**
 * Labels that change from build to build are given to the build, not written in the Dockerfile, so they
 * never break the layer cache. The snapshot is named by the project's image name, not its path: an image
 * is shared and pushed, and the path would tell anyone who reads its labels where and under which user
 * the project lives.
 */
function dynamicLabels(plan: Plan | undefined, dockerfile: string): Record<string, string> {
    return {
        'parity.managed': 'true',
        'org.opencontainers.image.created': new Date().toISOString(),
        'parity.dockerfile.sha256': shortSha256(dockerfile),
        ...(plan
            ? {
                  'parity.plan': shortSha256(JSON.stringify(plan)),
                  'parity.snapshot': `${projectImageName(plan.snapshot.ref)}@${plan.snapshot.capturedAt}`,
              }
            : {}),
    };
}
