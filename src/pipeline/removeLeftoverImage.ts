import type { Logger } from '../core/Logger';
import type { EngineClient } from '../engine/EngineClient';

/**
 * After a build moved a tag to a new image, removes the image the tag was on when nothing else needs it:
 * it has no tag left, Parity built it (`parity.managed=true`) and no container — running or stopped — was
 * made from it. Otherwise every rebuild would leave a few hundred MB of untagged image behind. Anything
 * that fails here only costs disk space, so it is logged and never fails the build.
 */
export async function removeLeftoverImage(
    client: EngineClient,
    imageId: string,
    log: Logger,
    signal?: AbortSignal,
): Promise<boolean> {
    try {
        const image = await client.inspectImage(imageId, signal);
        const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
        if (tags.length > 0 || image.Config?.Labels?.['parity.managed'] !== 'true') {
            return false;
        }
        const containers = await client.listContainers(signal);
        if (containers.some((container) => container.ImageID === image.Id)) {
            return false;
        }
        await client.removeImage(image.Id, signal);
        log.info(
            `Build: removed the previous image ${image.Id.replace('sha256:', '').slice(0, 12)}, which the tag no longer names.`,
        );
        return true;
    } catch (error) {
        log.debug(
            `Build: the previous image ${imageId} stays: ${error instanceof Error ? error.message : String(error)}`,
        );
        return false;
    }
}
