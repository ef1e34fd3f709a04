import { splitImageReference } from '../images/imageReference';
import type { DockerfileModel } from './DockerfileModel';
import type { DocumentProblem } from './DockerfileProblem';

/**
 * Base images that float: no tag, or `latest`. Such a recipe builds a different environment next month
 * than today — the opposite of parity. Stage references, `scratch`, `${ARG}` images and digests are left alone.
 */
export function findUnpinnedBaseImages(model: DockerfileModel): DocumentProblem[] {
    const result: DocumentProblem[] = [];
    for (const from of model.froms) {
        const image = from.image;
        if (!image || from.isStage || image.text === 'scratch' || image.text.includes('$')) {
            continue;
        }
        const { tag, digest } = splitImageReference(image.text);
        if (digest !== undefined || (tag !== undefined && tag !== 'latest')) {
            continue;
        }
        result.push({
            code: 'unpinned-base-image',
            severity: 'warning',
            facet: 'dockerfile',
            key: `unpinned:${image.text}`,
            span: image.span,
            fixes: [],
            message:
                tag === undefined
                    ? `${image.text} has no tag, so it means ${image.text}:latest and changes under you. Pin the version your app runs on, e.g. ${image.text}:<version>.`
                    : `${image.text} floats: "latest" changes under you. Pin the version your app runs on.`,
        });
    }
    return result;
}
