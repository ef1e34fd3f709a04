import { parityPurpose } from '../core/containers/parityPurpose';
import {
    type LeftoverContainerSummary,
    type LeftoverImageSummary,
    parityLeftovers,
    type ParityLeftovers,
} from '../core/images/parityLeftovers';
import { CONTAINER_LABEL, MANAGED_LABEL, PROJECT_LABEL } from '../core/sandbox/sandboxLabels';
import type { ContainerSummary } from '../core/sandbox/sandboxRows';
import type { EngineClient } from './EngineClient';
import { EngineError } from './EngineError';
import { ImageLabelCache } from './sandbox/ImageLabelCache';
import { removeContainer } from './sandbox/removeContainer';

export interface LeftoverScope {
    /** Only objects that also carry this label (`key` or `key=value`): one test's, or one tool's, never fewer checks. */
    readonly label?: string;
}

/** Parity's leftovers on the engine (see parityLeftovers), listed in two calls plus one inspect per claimed image. */
export async function findParityLeftovers(
    client: EngineClient,
    scope: LeftoverScope = {},
    signal?: AbortSignal,
): Promise<ParityLeftovers> {
    const { call } = client.sandboxDeps();
    const extra = scope.label ? [scope.label] : [];
    const [containers, images, all] = await Promise.all([
        call(
            `listing containers labelled ${CONTAINER_LABEL}`,
            async (docker, s) =>
                (await docker.listContainers({
                    all: true,
                    filters: { label: [CONTAINER_LABEL, ...extra] },
                    abortSignal: s,
                })) as ContainerSummary[],
            signal,
        ),
        call(
            `listing images labelled ${MANAGED_LABEL}`,
            async (docker, s) =>
                (await docker.listImages({
                    filters: { label: [`${MANAGED_LABEL}=true`, ...extra], dangling: ['true'] },
                    abortSignal: s,
                })) as LeftoverImageSummary[],
            signal,
        ),
        // Live containers of any kind keep their image: a prune must not pull it from under them.
        call(
            'listing live containers',
            async (docker, s) => (await docker.listContainers({ all: false, abortSignal: s })) as ContainerSummary[],
            signal,
        ),
    ]);
    const imageLabels = await new ImageLabelCache().forContainers(client, containers, signal);
    const ours = containers.flatMap((container): LeftoverContainerSummary[] => {
        const purpose = parityPurpose(container.Labels, imageLabels.get(container.ImageID ?? '') ?? null);
        return purpose === null
            ? []
            : [
                  {
                      id: container.Id,
                      name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
                      purpose,
                      state: container.State,
                      imageId: container.ImageID ?? '',
                      project: container.Labels?.[PROJECT_LABEL] ?? null,
                  },
              ];
    });
    return parityLeftovers(ours, images, new Set(all.map((container) => container.ImageID ?? '')));
}

export interface PruneResult {
    readonly removed: number;
    /** The removed images' sizes added up (an upper bound, as in ParityLeftovers). */
    readonly bytes: number;
    readonly failed: readonly { readonly what: string; readonly message: string }[];
}

/**
 * Removes exactly the leftovers that were listed (and confirmed) — sandboxes first, so the images they held
 * are free — and nothing that appeared since. An image the engine refuses (a container started from it
 * meanwhile) is reported, not forced.
 */
export async function removeParityLeftovers(
    client: EngineClient,
    leftovers: ParityLeftovers,
    signal?: AbortSignal,
): Promise<PruneResult> {
    const { call } = client.sandboxDeps();
    const failed: { what: string; message: string }[] = [];
    let removed = 0;
    let bytes = 0;
    for (const sandbox of leftovers.sandboxes) {
        try {
            await removeContainer(call, sandbox.id, signal);
            removed += 1;
        } catch (error) {
            failed.push({ what: sandbox.name, message: error instanceof Error ? error.message : String(error) });
        }
    }
    for (const image of leftovers.images) {
        try {
            await call(
                `removing image ${image.id}`,
                (docker, s) => docker.getImage(image.id).remove({ abortSignal: s }),
                signal,
            );
            removed += 1;
            bytes += image.size;
        } catch (error) {
            if (error instanceof EngineError && error.statusCode === 404) {
                continue;
            }
            failed.push({
                what: image.id.slice(0, 19),
                message: error instanceof Error ? error.message : String(error),
            });
        }
    }
    return { removed, bytes, failed };
}
