import type { ContainerSummary } from '../../core/sandbox/sandboxRows';
import { type SandboxRow, sandboxRows } from '../../core/sandbox/sandboxRows';
import { exitReason } from '../../core/sandbox/exitReason';
import { MANAGED_FILTER, MANAGED_LABEL, PURPOSE_LABEL, SANDBOX_FILTER, SANDBOX_PURPOSE } from '../../core/sandbox/sandboxLabels';
import { SandboxError } from '../../core/sandbox/SandboxError';
import type { SandboxExit } from '../../core/sandbox/SandboxEvent';
import type { EngineClient } from '../EngineClient';
import { EngineError } from '../EngineError';
import type { ContainerDetails } from '../inspectTypes';
import { removeContainer } from './removeContainer';
import { DEFAULT_STOP_GRACE_MS } from './Sandbox';

/** Every sandbox on the engine (running or not), newest first. */
export async function listSandboxes(client: EngineClient, signal?: AbortSignal): Promise<SandboxRow[]> {
    return sandboxRows(await listLabelled(client, SANDBOX_FILTER, signal));
}

/**
 * Stops a sandbox by name or ID — SIGTERM, SIGKILL after the grace period — and removes it. Refuses
 * anything that is not a Parity sandbox. Resolves with how it ended.
 */
export async function stopSandboxNamed(client: EngineClient, nameOrId: string, options: { graceMs?: number; signal?: AbortSignal } = {}): Promise<SandboxExit> {
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
    const labels = details.Config.Labels ?? {};
    if (labels[PURPOSE_LABEL] !== SANDBOX_PURPOSE) {
        throw new SandboxError('not-found', `${nameOrId} is not a Parity sandbox; Parity leaves it alone.`);
    }
    const wasRunning = details.State.Running;
    if (wasRunning) {
        const seconds = Math.ceil((options.graceMs ?? DEFAULT_STOP_GRACE_MS) / 1000);
        await call(`stopping sandbox ${nameOrId}`, (docker, s) => docker.getContainer(details.Id).stop({ t: seconds, abortSignal: s }), options.signal, seconds * 1000 + requestTimeoutMs)
            .catch((error: unknown) => {
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
 * Removes every container labelled `parity.managed=true` — sandboxes and any throwaway container left
 * behind — running or not. Images stay, and nothing without the label is touched: the engine's label
 * filter picks the containers, and each one's labels are checked again before it goes.
 */
export async function removeAllParityContainers(client: EngineClient, signal?: AbortSignal): Promise<CleanResult> {
    const { call } = client.sandboxDeps();
    const removed: { name: string; purpose: string }[] = [];
    const failed: { name: string; message: string }[] = [];
    for (const container of await listLabelled(client, MANAGED_FILTER, signal)) {
        const labels = container.Labels ?? {};
        const name = (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
        if (labels[MANAGED_LABEL] !== 'true') {
            continue;
        }
        try {
            await removeContainer(call, container.Id, signal);
            removed.push({ name, purpose: labels[PURPOSE_LABEL] ?? 'unknown' });
        } catch (error) {
            failed.push({ name, message: error instanceof Error ? error.message : String(error) });
        }
    }
    return { removed, failed };
}

async function listLabelled(client: EngineClient, label: string, signal?: AbortSignal): Promise<ContainerSummary[]> {
    const { call } = client.sandboxDeps();
    return call(`listing containers labelled ${label}`, async (docker, s) => await docker.listContainers({ all: true, filters: { label: [label] }, abortSignal: s }) as ContainerSummary[], signal);
}
