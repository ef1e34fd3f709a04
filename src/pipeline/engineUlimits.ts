import { parseProcLimits } from '../core/snapshot/parseProcLimits';
import type { EngineClient } from '../engine/EngineClient';

/** The hard limits a container gets on an engine: no sandbox can be given more (runc is refused "operation not permitted"). */
export interface EngineUlimits {
    /** null: unlimited, or not read. */
    readonly nofile: number | null;
    readonly nproc: number | null;
}

const PURPOSE = 'limits';

/**
 * The engine's own hard `nofile` and `nproc`, read in a throwaway container of `image` (no network, no
 * capabilities, removed at once): a container inherits the engine's, and may not be given more. The image
 * needs /bin/sh and cat; null when it cannot tell.
 */
export async function engineUlimits(
    client: EngineClient,
    image: string,
    signal?: AbortSignal,
): Promise<EngineUlimits | null> {
    // /proc/self/limits, not the shell's `ulimit`: dash has no -u.
    const result = await client.withThrowawayContainer(
        image,
        { purpose: PURPOSE, entrypoint: ['/bin/sh', '-c'], cmd: ['cat /proc/self/limits'] },
        (box) => box.run(signal),
        signal,
    );
    if (result.exitCode !== 0) {
        return null;
    }
    const limits = parseProcLimits(result.stdout);
    return { nofile: limits.nofile?.hard ?? null, nproc: limits.nproc?.hard ?? null };
}
