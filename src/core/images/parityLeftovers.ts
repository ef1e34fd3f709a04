import { SANDBOX_PURPOSE } from '../sandbox/sandboxLabels';

/** An image list entry (`GET /images/json`) as far as a prune needs it. */
export interface LeftoverImageSummary {
    readonly Id: string;
    readonly RepoTags?: readonly string[] | null;
    readonly Size: number;
    readonly Created: number;
    readonly Labels?: Readonly<Record<string, string>> | null;
}

/** A container Parity created, with what it is for (see parityPurpose) and what the engine lists. */
export interface LeftoverContainerSummary {
    readonly id: string;
    readonly name: string;
    readonly purpose: string;
    /** created, running, exited … */
    readonly state: string;
    readonly imageId: string;
    readonly project: string | null;
}

export interface ParityLeftovers {
    /** Sandboxes that no longer run: what they had to say is in their terminal already. */
    readonly sandboxes: readonly LeftoverContainerSummary[];
    /** Parity's builds whose tag moved on to a newer build, and that no running container uses. */
    readonly images: readonly { readonly id: string; readonly size: number; readonly created: number }[];
    readonly count: number;
    /** The images' sizes added up: an upper bound, since an image's size counts layers it may share. */
    readonly bytes: number;
}

const LIVE = new Set(['running', 'paused', 'restarting']);

/**
 * What Prune may remove — Parity's own leftovers and nothing else: stopped sandboxes, and untagged images
 * Parity built (label `parity.managed`) that no live container uses. A tagged image, anyone else's image or
 * container, and Parity's probes in flight (purpose other than sandbox) are never in it.
 */
export function parityLeftovers(
    containers: readonly LeftoverContainerSummary[],
    images: readonly LeftoverImageSummary[],
    liveImageIds: ReadonlySet<string>,
): ParityLeftovers {
    const sandboxes = containers.filter(
        (container) => container.purpose === SANDBOX_PURPOSE && !LIVE.has(container.state),
    );
    const leftoverImages = images
        .filter((image) => image.Labels?.['parity.managed'] === 'true')
        .filter((image) => (image.RepoTags ?? []).every((tag) => tag === '<none>:<none>'))
        .filter((image) => !liveImageIds.has(image.Id))
        .map((image) => ({ id: image.Id, size: image.Size, created: image.Created }));
    return {
        sandboxes,
        images: leftoverImages,
        count: sandboxes.length + leftoverImages.length,
        bytes: leftoverImages.reduce((sum, image) => sum + image.size, 0),
    };
}
