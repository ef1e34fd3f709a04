import type { Snapshot } from '../../core/snapshot/Snapshot';
import type { EngineClient } from '../../engine/EngineClient';
import { EngineError } from '../../engine/EngineError';
import { probeContainer } from '../../targets/container/probeContainer';
import type { ProbeOptions } from '../../targets/probe/ProbeOptions';

/**
 * A running container's snapshot for a diff, refused when the container stopped or restarted while it was
 * probed: the probe's output is then cut short, and half a snapshot would turn every missing section into
 * a difference. probeContainer refuses one that was not running to begin with (and names one that does not exist).
 */
export async function probeLiveContainer(client: EngineClient, name: string, options: ProbeOptions): Promise<Snapshot> {
    // The start time before and after, not the clock: a remote engine's clock may differ from ours.
    const before = await client.inspectContainer(name, options.signal).catch(() => null);
    const snapshot = await probeContainer(client, name, options);
    const after = await client.inspectContainer(snapshot.meta.source.id ?? name, options.signal).catch((error: unknown) => {
        if (error instanceof EngineError && error.statusCode === 404) {
            return null;
        }
        throw error;
    });
    const state = after?.State;
    if (!state?.Running) {
        const how = !after ? 'was removed' : `stopped (${state?.Status ?? 'unknown state'}, exit code ${state?.ExitCode ?? 'unknown'})`;
        throw new EngineError('api', `Container ${name} ${how} while Parity probed it, so its snapshot is incomplete; diff it again once it runs steadily, or diff its image with --to image:REF.`, client.address, 409);
    }
    if (before !== null && before.State.StartedAt !== state.StartedAt) {
        throw new EngineError('api', `Container ${name} restarted while Parity probed it, so its snapshot is incomplete; diff it again once it runs steadily.`, client.address, 409);
    }
    return snapshot;
}
