import type { DiffTarget } from '../../core/diff/DiffTarget';

/**
 * The middle side of a three-way diff, when there is one: the image built from the project (`projectImage`,
 * given only when it exists) between this machine (`from`, a host side) and a target that is neither this
 * machine nor that very image. Then one report tells whether a difference came from the recipe or the target.
 */
export function threeWayVia(
    from: DiffTarget,
    to: DiffTarget,
    projectImage: string | undefined,
): DiffTarget | undefined {
    if (
        projectImage === undefined ||
        from.kind !== 'host' ||
        to.kind === 'host' ||
        (to.kind === 'image' && to.ref === projectImage)
    ) {
        return undefined;
    }
    return { kind: 'image', ref: projectImage };
}
