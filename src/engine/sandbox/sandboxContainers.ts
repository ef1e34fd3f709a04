import { parityPurpose } from '../../core/containers/parityPurpose';
import type { ContainerSummary } from '../../core/sandbox/sandboxRows';
import { type SandboxRow, sandboxRows } from '../../core/sandbox/sandboxRows';
import { exitReason } from '../../core/sandbox/exitReason';
import { CONTAINER_LABEL, SANDBOX_PURPOSE } from '../../core/sandbox/sandboxLabels';
import { SandboxError } from '../../core/sandbox/SandboxError';
import type { SandboxExit } from '../../core/sandbox/SandboxEvent';
import type { EngineClient } from '../EngineClient';
import { EngineError } from '../EngineError';
import type { ContainerDetails } from '../inspectTypes';
import { ImageLabelCache } from './ImageLabelCache';
import { removeContainer } from './removeContainer';
import { DEFAULT_STOP_GRACE_MS } from './Sandbox';

/** Every sandbox Parity created on the engine (running or not), newest first. */
export async function listSandboxes(client: EngineClient, signal?: AbortSignal): Promise<SandboxRow[]> {
    const containers = await parityContainers(client, signal);
    return sandboxRows(containers.filter((entry) => entry.purpose === SANDBOX_PURPOSE).map((entry) => entry.container));
}

/**
 * Stops a sandbox by name or ID — SIGTERM, SIGKILL after the grace period — and removes it. Refuses
 * anything that is not a Parity sandbox. Resolves with how it ended.
 */
export async function stopSandboxNamed(
    client: EngineClient,
    nameOrId: string,
    options: { graceMs?: number; signal?: AbortSignal } = {},
): Promise<SandboxExit> {
    const { call, requestTimeoutMs } = client.sandboxDeps();
    let details: ContainerDetails;
    try {
        details = await client.inspectContainer(nameOrId, options.signal);
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            throw new SandboxError('not-found', `There is no container named ${nameOrId}.`);
        }
        throw error;
    }
    const imageLabels = await new ImageLabelCache().of(client, details.Image, options.signal);
    if (parityPurpose(details.Config.Labels, imageLabels) !== SANDBOX_PURPOSE) {
        const why =
            imageLabels === null ? " (its image is gone, so its own labels cannot be told from the image's)" : '';
        throw new SandboxError('not-found', `${nameOrId} is not a Parity sandbox${why}; Parity leaves it alone.`);
    }
    const wasRunning = details.State.Running;
    if (wasRunning) {
        const seconds = Math.ceil((options.graceMs ?? DEFAULT_STOP_GRACE_MS) / 1000);
        await call(
            `stopping sandbox ${nameOrId}`,
            (docker, s) => docker.getContainer(details.Id).stop({ t: seconds, abortSignal: s }),
            options.signal,
            seconds * 1000 + requestTimeoutMs,
        ).catch((error: unknown) => {
            if (!(error instanceof EngineError && (error.statusCode === 304 || error.statusCode === 404))) {
                throw error;
            }
        });
    }
    const after = await client.inspectContainer(details.Id, options.signal).catch(() => details);
    await removeContainer(call, details.Id, options.signal);
    const code = after.State.Status === 'created' ? null : after.State.ExitCode;
    const oomKilled = after.State.OOMKilled === true;
    const memoryBytes = after.HostConfig?.Memory ?? 0;
    const pids = after.HostConfig?.PidsLimit ?? 0;
    return {
        reason: exitReason({ code, oomKilled, pidsLimitHit: false, stopped: wasRunning, memoryBytes, pids }),
        code,
        oomKilled,
        pidsLimitHit: false,
        stopped: wasRunning,
        lastLines: [],
    };
}

export interface CleanResult {
    readonly removed: readonly { readonly name: string; readonly purpose: string }[];
    readonly failed: readonly { readonly name: string; readonly message: string }[];
}

/**
 * Removes every container Parity created — sandboxes and any throwaway container left behind — running or
 * not, with its anonymous volumes. Images stay, and nothing else is touched: not a container merely
 * started from an image Parity built (it inherits the image's `parity.*` labels), nor one whose image
 * claims to be Parity's (see parityPurpose).
 */
export async function removeAllParityContainers(client: EngineClient, signal?: AbortSignal): Promise<CleanResult> {
    const { call } = client.sandboxDeps();
    const removed: { name: string; purpose: string }[] = [];
    const failed: { name: string; message: string }[] = [];
    for (const { container, purpose } of await parityContainers(client, signal)) {
        const name = (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
        try {
            await removeContainer(call, container.Id, signal);
            removed.push({ name, purpose });
        } catch (error) {
            failed.push({ name, message: error instanceof Error ? error.message : String(error) });
        }
    }
    return { removed, failed };
}

/**
 * The containers Parity created, with what each is for. The engine's label filter narrows the list to those
 * carrying `parity.container`; each one's image is then looked at, since an image can carry that label too.
 */
async function parityContainers(
    client: EngineClient,
    signal?: AbortSignal,
): Promise<{ container: ContainerSummary; purpose: string }[]> {
    const { call } = client.sandboxDeps();
    const listed = await call(
        `listing containers labelled ${CONTAINER_LABEL}`,
        async (docker, s) =>
            (await docker.listContainers({
                all: true,
                filters: { label: [CONTAINER_LABEL] },
                abortSignal: s,
            })) as ContainerSummary[],
        signal,
    );
    const imageLabels = await new ImageLabelCache().forContainers(client, listed, signal);
    return listed.flatMap((container) => {
        const purpose = parityPurpose(container.Labels, imageLabels.get(container.ImageID ?? '') ?? null);
        return purpose === null ? [] : [{ container, purpose }];
    });
}
