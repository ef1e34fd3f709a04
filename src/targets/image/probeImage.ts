import { factsWithoutShell } from '../../core/probe/factsWithoutShell';
import { appFromConfig } from '../../core/probe/imageConfig';
import type { ProbeFacts } from '../../core/probe/parseProbeOutput';
import { PROBE_SCRIPT } from '../../core/probe/probeScript';
import { snapshotFromProbe } from '../../core/probe/snapshotFromProbe';
import { dockerArch } from '../../core/snapshot/dockerArch';
import { userEnvHashKey } from '../../core/snapshot/userEnvHashKey';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import type { EngineClient } from '../../engine/EngineClient';
import type { CommandResult } from '../../engine/execInContainer';
import { EngineError } from '../../engine/EngineError';
import type { ImageDetails } from '../../engine/inspectTypes';
import type { ThrowawayContainer, ThrowawaySpec } from '../../engine/ThrowawayContainer';
import { PROBE_SHELL, type ProbeOptions } from '../probe/ProbeOptions';
import { readFilesWithoutShell } from '../probe/readFilesWithoutShell';
import { shellProbeFacts } from '../probe/shellProbeFacts';

export interface ImageProbeOptions extends ProbeOptions {
    /**
     * The OS and architecture of the engine's machine (EngineStatus osType/arch), when the caller knows them:
     * an image for another platform is then not started at all (it could not run) but read as an image
     * without a shell — its config and files. Without it, only a start that fails tells.
     */
    readonly enginePlatform?: { readonly os: string; readonly arch: string };
}

// stdin carries the env hash key: the container's config, kept on the engine's disk, never holds it.
const PROBE_CONTAINER: ThrowawaySpec = {
    purpose: 'probe',
    entrypoint: [PROBE_SHELL, '-c'],
    cmd: [PROBE_SCRIPT],
    stdin: true,
};

/**
 * An image as a Snapshot: the probe script runs once in a throwaway container made from it (no network,
 * the image's own user and working directory), which is removed afterwards whatever happens. An image
 * without a shell, or built for another platform than the engine's (known before, or when its shell fails
 * with "exec format error"), is read through its config and files instead — nothing in it runs — and the
 * snapshot's first issue says why.
 */
export async function probeImage(client: EngineClient, ref: string, options: ImageProbeOptions): Promise<Snapshot> {
    const started = performance.now();
    const capturedAt = new Date();
    const { signal, log } = options;
    const envKey = options.envKey ?? (await userEnvHashKey());
    const image = await inspectImage(client, ref, signal);
    const config = image.Config ?? {};
    const arch = image.Architecture ? dockerArch(image.Architecture) : 'unknown';

    const withoutShell = async (box: ThrowawayContainer, reason: string): Promise<ProbeFacts> => {
        log.info(`probe: ${ref}: ${reason} Reading its config and files instead.`);
        return factsWithoutShell(
            { ...config, ...osAndArch(image) },
            await readFilesWithoutShell(box, config.Env, arch, signal),
            'image',
            reason,
            envKey,
        );
    };
    const foreign = otherPlatform(image, options.enginePlatform);
    let notStarted: string | null = null;
    let facts = await client.withThrowawayContainer(
        image.Id,
        { ...PROBE_CONTAINER, imageName: ref },
        async (box) => {
            if (foreign) {
                return withoutShell(
                    box,
                    `The image ${ref} is built for ${foreign.image} and the engine at ${client.address} runs ${foreign.engine}: nothing in it can run there, so it was not started.`,
                );
            }
            if (!(await box.exists(PROBE_SHELL, signal))) {
                return withoutShell(box, `The image ${ref} has no ${PROBE_SHELL}.`);
            }
            try {
                const result = await box.run(signal, options.timeoutMs, `${envKey.revealHex()}\n`);
                if (isExecFormatError(result)) {
                    notStarted = `The image ${ref} is built for another machine than the engine at ${client.address} (${PROBE_SHELL}: exec format error).`;
                    return null;
                }
                return shellProbeFacts(result, 'image');
            } catch (error) {
                if (isStartFailure(error)) {
                    notStarted = `${PROBE_SHELL} could not be started in ${ref} (${error.message}).`;
                    return null;
                }
                throw error;
            }
        },
        signal,
    );
    if (facts === null) {
        // The engine removes a container whose start failed (AutoRemove), so the files come from a fresh one.
        const reason = notStarted ?? `${PROBE_SHELL} could not be started in ${ref}.`;
        facts = await client.withThrowawayContainer(
            image.Id,
            { ...PROBE_CONTAINER, imageName: ref },
            (box) => withoutShell(box, reason),
            signal,
        );
    }

    const durationMs = Math.round(performance.now() - started);
    log.debug(`probe: image ${ref} in ${durationMs} ms`);
    return snapshotFromProbe(
        forImage(facts, image),
        {
            kind: 'image',
            ref,
            ...(image.Id ? { id: image.Id } : {}),
            toolVersion: options.toolVersion,
            capturedAt,
            durationMs,
            envKey: envKey.id,
        },
        appFromConfig(config, 'image config'),
    );
}

/** "Not on this engine" is the common mistake; say what to do about it. */
async function inspectImage(client: EngineClient, ref: string, signal?: AbortSignal): Promise<ImageDetails> {
    try {
        return await client.inspectImage(ref, signal);
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            throw new EngineError(
                'api',
                `Image ${ref} is not on the engine at ${client.address}. Build it or pull it there (docker pull ${ref}), then probe again.`,
                client.address,
                404,
                { cause: error },
            );
        }
        throw error;
    }
}

/** The engine refused to start the container: no usable shell, an unknown USER, a broken entrypoint binary. */
function isStartFailure(error: unknown): error is EngineError {
    return (
        error instanceof EngineError && error.kind === 'api' && (error.statusCode === 400 || error.statusCode === 500)
    );
}

/** The image's and the engine's platform when they differ (an unknown side is not a difference). */
function otherPlatform(
    image: ImageDetails,
    engine: ImageProbeOptions['enginePlatform'],
): { image: string; engine: string } | null {
    if (!engine || !image.Architecture) {
        return null;
    }
    const imagePlatform = `${image.Os ?? 'linux'}/${dockerArch(image.Architecture)}`;
    const enginePlatform = `${engine.os || 'linux'}/${dockerArch(engine.arch)}`;
    return imagePlatform === enginePlatform ? null : { image: imagePlatform, engine: enginePlatform };
}

/**
 * The kernel refused the shell's binary: runc reports it as the container's only output (the start itself
 * succeeds). What the probe prints first never looks like this, so a real probe is never mistaken for it.
 */
function isExecFormatError(result: CommandResult): boolean {
    return result.stdout.trim() === '' && /exec format error/i.test(result.stderr);
}

function osAndArch(image: ImageDetails): { Os?: string; Architecture?: string } {
    return {
        ...(image.Os ? { Os: image.Os } : {}),
        ...(image.Architecture ? { Architecture: image.Architecture } : {}),
    };
}

/**
 * What belongs to the image rather than to the throwaway container: HOSTNAME is the container's random ID
 * (unless the image sets one), and the platform falls back on the image's own record.
 */
function forImage(facts: ProbeFacts, image: ImageDetails): ProbeFacts {
    const setsHostname = (image.Config?.Env ?? []).some((entry) => entry.startsWith('HOSTNAME='));
    const env = setsHostname
        ? facts.env
        : Object.fromEntries(Object.entries(facts.env).filter(([name]) => name !== 'HOSTNAME'));
    const platform = {
        ...facts.platform,
        os: facts.platform.os === 'unknown' ? (image.Os ?? 'unknown') : facts.platform.os,
        arch:
            facts.platform.arch === 'unknown' && image.Architecture
                ? dockerArch(image.Architecture)
                : facts.platform.arch,
    };
    return { ...facts, env, platform };
}
