import type { Snapshot } from '../../core/snapshot/Snapshot';
import type { EngineClient } from '../../engine/EngineClient';
import type { ContainerDetails } from '../../engine/inspectTypes';
import { EngineError } from '../../engine/EngineError';
import { probeContainer } from '../../targets/container/probeContainer';
import { ProbeKilledError } from '../../targets/container/ProbeKilledError';
import type { ProbeOptions } from '../../targets/probe/ProbeOptions';

/**
 * A running container's snapshot for a diff, refused when the container stopped or restarted while it was
 * probed: the probe's output is then cut short, and half a snapshot would turn every missing section into
 * a difference. probeContainer refuses one that was not running to begin with (and names one that does not exist).
 * A probe cut short by the connection instead (the remote dropped) is kept: its unread sections say what is missing.
 */
export async function probeLiveContainer(client: EngineClient, name: string, options: ProbeOptions): Promise<Snapshot> {
    // The start time before and after, not the clock: a remote engine's clock may differ from ours.
    const before = await client.inspectContainer(name, options.signal).catch(() => null);
    let snapshot: Snapshot | undefined;
    let killed: ProbeKilledError | undefined;
    try {
        snapshot = await probeContainer(client, name, options);
    } catch (error) {
        if (!(error instanceof ProbeKilledError)) {
            throw error;
        }
        killed = error;
    }
    // A killed probe returns the moment its process dies, often before the engine records the container's
    // stop: wait for that (bounded), so the message says what happened to the container.
    let after: ContainerDetails | null;
    try {
        after = await inspectOrNull(client, before?.Id ?? name, options.signal);
    } catch (error) {
        // The engine went away right after the probe (the connection dropped mid-probe): nothing says the
        // container stopped, and what was read stands — the sections not read are marked so (meta.unread).
        if (
            snapshot &&
            !killed &&
            error instanceof EngineError &&
            (error.kind === 'unreachable' || error.kind === 'timeout')
        ) {
            return {
                ...snapshot,
                issues: [
                    ...snapshot.issues,
                    {
                        severity: 'warning',
                        message: `Whether container ${name} still ran after the probe is not known: ${error.message}`,
                    },
                ],
            };
        }
        throw error;
    }
    for (
        let waited = 0;
        killed &&
        after?.State.Running === true &&
        after.State.StartedAt === before?.State.StartedAt &&
        waited < SETTLE_MS;
        waited += SETTLE_STEP_MS
    ) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
        after = await inspectOrNull(client, before?.Id ?? name, options.signal);
    }
    const state = after?.State;
    if (!state?.Running) {
        const how = !after
            ? 'was removed'
            : `stopped (${state?.Status ?? 'unknown state'}, exit code ${state?.ExitCode ?? 'unknown'})`;
        throw new EngineError(
            'api',
            `Container ${name} ${how} while Parity probed it, so its snapshot is incomplete; diff it again once it runs steadily, or diff its image with --to image:REF.`,
            client.address,
            409,
        );
    }
    if (before !== null && before.State.StartedAt !== state.StartedAt) {
        throw new EngineError(
            'api',
            `Container ${name} restarted while Parity probed it, so its snapshot is incomplete; diff it again once it runs steadily.`,
            client.address,
            409,
        );
    }
    if (killed || !snapshot) {
        throw killed ?? new Error(`No snapshot of container ${name}`);
    }
    return snapshot;
}

const SETTLE_MS = 2000;
const SETTLE_STEP_MS = 50;

async function inspectOrNull(client: EngineClient, id: string, signal?: AbortSignal): Promise<ContainerDetails | null> {
    return client.inspectContainer(id, signal).catch((error: unknown) => {
        if (error instanceof EngineError && error.statusCode === 404) {
            return null;
        }
        throw error;
    });
}
