import type { Labels } from '../../core/containers/parityPurpose';
import { CONTAINER_LABEL } from '../../core/sandbox/sandboxLabels';
import type { EngineClient } from '../EngineClient';
import { EngineError } from '../EngineError';

/** Bounds a cache that lives as long as a window; an entry costs one inspect to get back. */
const MAX_ENTRIES = 1000;

/**
 * Images' own labels (`Config.Labels`) by image ID, each asked of the engine once: an image ID is the hash
 * of the image's config, so its labels never change. Null for an image the engine no longer has (not kept:
 * the same image can come back).
 */
export class ImageLabelCache {
    private readonly known = new Map<string, Labels>();

    async of(
        client: Pick<EngineClient, 'inspectImage'>,
        imageId: string,
        signal?: AbortSignal,
    ): Promise<Labels | null> {
        const cached = this.known.get(imageId);
        if (cached !== undefined) {
            return cached;
        }
        let labels: Labels;
        try {
            labels = (await client.inspectImage(imageId, signal)).Config?.Labels ?? {};
        } catch (error) {
            if (error instanceof EngineError && error.statusCode === 404) {
                return null;
            }
            throw error;
        }
        if (this.known.size >= MAX_ENTRIES) {
            this.known.clear();
        }
        this.known.set(imageId, labels);
        return labels;
    }

    /**
     * The labels of the images of those containers that claim to be Parity's (carry `parity.container`);
     * no other container can be Parity's, so no other image needs a look.
     */
    async forContainers(
        client: Pick<EngineClient, 'inspectImage'>,
        containers: readonly { readonly ImageID?: string; readonly Labels?: Labels | null }[],
        signal?: AbortSignal,
    ): Promise<ReadonlyMap<string, Labels | null>> {
        const ids = new Set(
            containers
                .filter((container) => container.Labels?.[CONTAINER_LABEL] && container.ImageID)
                .map((container) => container.ImageID ?? ''),
        );
        const entries = await Promise.all([...ids].map(async (id) => [id, await this.of(client, id, signal)] as const));
        return new Map(entries);
    }
}
