import { DiffTargetError } from '../../core/diff/DiffTarget';
import { ImageReferenceError, parseImageReference } from '../../core/images/imageReference';
import { registryHostOf } from '../../core/images/registryAuth';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import type { EngineClient } from '../../engine/EngineClient';
import { EngineError } from '../../engine/EngineError';
import { readRegistryAuth } from '../../engine/readRegistryAuth';
import { probeImage } from '../image/probeImage';
import type { ProbeOptions } from '../probe/ProbeOptions';

export interface RegistryProbeOptions extends ProbeOptions {
    /** How messages name the target, e.g. `registry:127.0.0.1:5000/app:1@tcp://…`. */
    readonly target: string;
    /** Where the Docker config (credentials) is found: DOCKER_CONFIG, HOME. */
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Keep an image Parity pulled only for this probe (by default it is removed again). */
    readonly keepPulled?: boolean;
}

/**
 * An image in a registry as a Snapshot: the target's engine pulls it (with the Docker config's credentials
 * for that registry, when it holds some), probeImage probes it — an image for another platform than the
 * engine's is read without running anything — and an image that was not on the engine before is removed
 * again (untagged; its layers go unless another image shares them), so probing leaves the engine as it was.
 * A tag that was there before stays, moved to what the registry holds now, as `docker pull` would leave it.
 * Every failure names the target: a malformed reference, no such image, a login wanted or refused, a
 * registry the engine cannot reach.
 */
export async function probeRegistryImage(
    client: EngineClient,
    ref: string,
    options: RegistryProbeOptions,
): Promise<Snapshot> {
    const { signal, log, target } = options;
    try {
        parseImageReference(ref);
    } catch (error) {
        throw new DiffTargetError(
            `${target}: ${error instanceof ImageReferenceError ? error.message : String(error)}.`,
        );
    }
    const registry = registryHostOf(ref);
    try {
        const auth = await readRegistryAuth(registry, options.env);
        const before = await client.inspectImage(ref, signal).then(
            (image) => image.Id,
            (error: unknown) => {
                if (error instanceof EngineError && error.statusCode === 404) {
                    return null;
                }
                throw error;
            },
        );
        log.debug(
            `Pulling ${ref} from ${registry} with the engine at ${client.address}${auth ? " (with the Docker config's credentials for it)" : ''}…`,
        );
        const started = performance.now();
        await client.pullImage(ref, {
            ...(signal ? { signal } : {}),
            ...(auth ? { auth } : {}),
            onProgress: (line) =>
                log.debug(`pull ${ref}: ${[line.id, line.status, line.progress].filter(Boolean).join(' ')}`),
        });
        log.debug(`pull: ${ref} in ${Math.round(performance.now() - started)} ms`);
        try {
            const engine = await client.status(signal);
            const snapshot = await probeImage(client, ref, {
                ...options,
                enginePlatform: { os: engine.osType, arch: engine.arch },
            });
            const kept =
                before !== null
                    ? 'it was on the engine before and stays'
                    : options.keepPulled
                      ? 'kept on the engine as asked'
                      : 'removed from the engine again after probing';
            return {
                ...snapshot,
                issues: [
                    ...snapshot.issues,
                    {
                        severity: 'info',
                        message: `Pulled from registry ${registry} by the engine at ${client.address}; ${kept}.`,
                    },
                ],
            };
        } finally {
            if (before === null && options.keepPulled !== true) {
                // Not cancellable: a removal cut short would leave the image the user never had.
                await client
                    .removeImage(ref)
                    .catch((error: unknown) =>
                        log.warn(
                            `${target}: could not remove ${ref}, which Parity pulled to probe it: ${error instanceof Error ? error.message : String(error)}`,
                        ),
                    );
            }
        }
    } catch (error) {
        if (error instanceof EngineError && !error.message.startsWith(`${target}: `)) {
            throw new EngineError(error.kind, `${target}: ${error.message}`, error.address, error.statusCode, {
                cause: error,
                ...(error.hostKey ? { hostKey: error.hostKey } : {}),
            });
        }
        throw error;
    }
}
