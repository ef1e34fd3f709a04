import { type FromInstruction, parseFromLines } from './parseFromLines';

export interface UnpinnedBaseImage {
    readonly from: FromInstruction;
    readonly message: string;
}

/**
 * Base images that float: no tag, or `latest`. Such a recipe builds a different environment next month
 * than today — the opposite of parity. Stage references, `scratch` and `${ARG}` images are left alone.
 */
export function findUnpinnedBaseImages(text: string): UnpinnedBaseImage[] {
    const froms = parseFromLines(text);
    const stages = new Set<string>();
    const result: UnpinnedBaseImage[] = [];
    for (const from of froms) {
        const image = from.image;
        const isStage = stages.has(image.toLowerCase());
        if (from.alias) {
            stages.add(from.alias.toLowerCase());
        }
        if (isStage || image === 'scratch' || image.includes('$') || image.includes('@sha256:')) {
            continue;
        }
        const lastSegment = image.slice(image.lastIndexOf('/') + 1);
        const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
        if (tag === undefined) {
            result.push({ from, message: `${image} has no tag, so it means ${image}:latest and changes under you. Pin the version your app runs on, e.g. ${image}:<version>.` });
        } else if (tag === 'latest') {
            result.push({ from, message: `${image} floats: "latest" changes under you. Pin the version your app runs on.` });
        }
    }
    return result;
}
