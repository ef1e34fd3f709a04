import { CONTAINER_LABEL, PURPOSE_LABEL } from '../sandbox/sandboxLabels';

export type Labels = Readonly<Record<string, string>>;

/**
 * What a container Parity created is for (`sandbox`, `probe` …), or null when Parity did not create it.
 * The engine lists a container's labels merged with its image's, and a Dockerfile can put any LABEL on an
 * image — `parity.purpose=sandbox` included — so only a `parity.container` label the container was given
 * itself counts: present, and not the value its image carries. `imageLabels` is null when the image cannot
 * be looked at (removed since): its labels cannot be told apart then, and the container is not counted.
 */
export function parityPurpose(containerLabels: Labels | null | undefined, imageLabels: Labels | null): string | null {
    const own = containerLabels?.[CONTAINER_LABEL];
    if (!own || imageLabels === null || imageLabels[CONTAINER_LABEL] === own) {
        return null;
    }
    return containerLabels?.[PURPOSE_LABEL] ?? 'unknown';
}
