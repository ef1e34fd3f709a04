/** How the kernel says a write failed for want of space (ENOSPC), in the engine's and the tools' words alike. */
const NO_SPACE = /no space left on device/i;

/** Whether any of these texts (an engine message, a step's output) reports a full disk. */
export function mentionsDiskFull(texts: readonly (string | undefined)[]): boolean {
    return texts.some((text) => text !== undefined && NO_SPACE.test(text));
}

/**
 * The one sentence for a full disk on an engine: which engine, what it was doing, and where the space went —
 * its data root when known (images, containers and the build cache live there) — and how to free some.
 */
export function diskFullMessage(engineAddress: string, during: string, dataRoot: string | undefined): string {
    const where = dataRoot
        ? `the disk that holds its data root ${dataRoot}`
        : 'the disk that holds its data root (docker info shows it as Docker Root Dir)';
    return `The disk of the Docker engine at ${engineAddress} is full (no space left on device) ${during}. Free space on ${where} — docker system df shows what takes it; docker builder prune and docker image prune free build cache and unused images — then try again.`;
}
