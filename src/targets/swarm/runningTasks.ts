import type { EngineClient } from '../../engine/EngineClient';
import { EngineError } from '../../engine/EngineError';
import type { ServiceDetails, SwarmTask } from '../../engine/swarmTypes';

/** A running task of a service, as probing needs it. */
export interface SwarmTaskRef {
    readonly id: string;
    /** `SERVICE.SLOT`; a global service's task (no slot) is `SERVICE.NODEID` (12 digits), as `docker service ps` names it. */
    readonly label: string;
    readonly slot: number | null;
    readonly nodeId: string;
    readonly containerId: string;
}

/**
 * The running tasks of a service (desired and current state running, a container assigned), lowest slot first,
 * and this engine's node. Refused with one message naming the service and the engine: an engine in no swarm or
 * not a manager, no such service, no running task (and why, from the tasks that do not run).
 */
export async function runningTasks(
    client: EngineClient,
    service: string,
    signal?: AbortSignal,
): Promise<{ tasks: SwarmTaskRef[]; nodeId: string }> {
    const state = await client.swarmState(signal);
    if (state.localNodeState !== 'active') {
        throw new EngineError(
            'api',
            `Service ${service}: the engine at ${client.address} is not part of a swarm (swarm: ${state.localNodeState}), so it has no services. Name a swarm manager's engine: swarm:${service}@ENGINE.`,
            client.address,
            503,
        );
    }
    if (!state.manager) {
        throw new EngineError(
            'api',
            `Service ${service}: the engine at ${client.address} is a swarm worker, and only a manager knows the swarm's services. Name a manager's engine: swarm:${service}@ENGINE (docker node ls on a manager lists them).`,
            client.address,
            503,
        );
    }
    const details = await inspectService(client, service, signal);
    const all = await client.listTasks({ service: [details.ID] }, signal);
    const tasks = all
        .filter(
            (task) =>
                task.DesiredState === 'running' &&
                task.Status.State === 'running' &&
                task.Status.ContainerStatus?.ContainerID &&
                task.NodeID,
        )
        .map(
            (task): SwarmTaskRef => ({
                id: task.ID,
                label: `${details.Spec.Name}.${task.Slot ?? (task.NodeID ?? '').slice(0, 12)}`,
                slot: task.Slot ?? null,
                nodeId: task.NodeID ?? '',
                containerId: task.Status.ContainerStatus?.ContainerID ?? '',
            }),
        )
        .sort(
            (a, b) =>
                (a.slot ?? Infinity) - (b.slot ?? Infinity) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
        );
    if (tasks.length === 0) {
        throw new EngineError(
            'api',
            `Service ${service} on ${client.address} has no running task, so there is nothing to probe: ${whyNoneRuns(details, all)}. See: docker service ps ${details.Spec.Name}`,
            client.address,
            409,
        );
    }
    return { tasks, nodeId: state.nodeId };
}

async function inspectService(client: EngineClient, service: string, signal?: AbortSignal): Promise<ServiceDetails> {
    try {
        return await client.inspectService(service, signal);
    } catch (error) {
        if (error instanceof EngineError && error.statusCode === 404) {
            throw new EngineError(
                'api',
                `There is no service ${service} on the swarm of the engine at ${client.address}. List them with: docker service ls`,
                client.address,
                404,
                { cause: error },
            );
        }
        throw error;
    }
}

/** The scale, or what the newest task that should run says (a constraint no node meets, an image it cannot get). */
function whyNoneRuns(details: ServiceDetails, tasks: readonly SwarmTask[]): string {
    if (details.Spec.Mode?.Replicated?.Replicas === 0) {
        return 'it is scaled to 0 replicas';
    }
    const newest = [...tasks]
        .filter((task) => task.DesiredState === 'running')
        .sort((a, b) => ((a.UpdatedAt ?? '') < (b.UpdatedAt ?? '') ? 1 : -1))[0];
    if (!newest) {
        return 'it has no task that should run';
    }
    const detail = newest.Status.Err ?? newest.Status.Message ?? '';
    return `its tasks are ${newest.Status.State}${detail === '' ? '' : ` (${detail})`}`;
}
