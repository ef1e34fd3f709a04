/**
 * Reads the engine's refusal to remove an image that a container uses (HTTP 409), e.g. `conflict: unable
 * to remove repository reference "x:1" (must force) - container 5a1b2c3d4e5f is using its referenced image
 * e803ee5b157f`. Undefined for any other conflict (say, an ID that several repositories reference).
 */
export function imageInUse(message: string): { container: string } | undefined {
    const match = /container ([0-9a-f]{12,64}) is using its referenced image/.exec(message);
    return match?.[1] ? { container: match[1].slice(0, 12) } : undefined;
}
