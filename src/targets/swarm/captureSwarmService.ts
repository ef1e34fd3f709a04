import { replicaDrift, type ReplicaSnapshot } from '../../core/diff/replicaDrift';
import type { UnknownFacet } from '../../core/diff/DiffResult';
import type { Finding } from '../../core/findings/Finding';
import type { CaptureIssue, Snapshot } from '../../core/snapshot/Snapshot';
import type { EngineClient } from '../../engine/EngineClient';
import { EngineError } from '../../engine/EngineError';
import type { ProbeOptions } from '../probe/ProbeOptions';
import { limitPerEngine } from './limitPerEngine';
import { runningTasks, type SwarmTaskRef } from './runningTasks';

/** Probes at once through one engine (see limitPerEngine); tasks on other nodes' engines run beside them. */
export const PROBES_PER_ENGINE = 4;

/** A node of the swarm as the user may name it: by hostname or node id. */
export interface SwarmNodeRef {
    readonly id: string;
    readonly hostname: string;
}

export interface SwarmCaptureDeps {
    /** Probes one task's container through the engine it runs on, refusing one that stops meanwhile (probeLiveContainer). */
    readonly probe: (client: EngineClient, containerId: string, options: ProbeOptions) => Promise<Snapshot>;
    /**
     * The engine of another node, when the user named one for it; undefined leaves that node's tasks unprobed.
     * A manager knows every task but can exec only into containers of its own node.
     */
    readonly nodeClient?: (node: SwarmNodeRef) => Promise<EngineClient | undefined>;
    /** At most this many probes at once through one engine (default PROBES_PER_ENGINE). */
    readonly probesPerEngine?: number;
}

export interface SwarmCapture {
    /** The reference task's snapshot (the lowest slot probed), with the tasks not probed among its issues. */
    readonly snapshot: Snapshot;
    /** Every difference of another task from the reference (rule swarm.drift). */
    readonly drift: readonly Finding[];
    /** Tasks not probed, and facts two compared tasks could not both read: never drift. */
    readonly unknown: readonly UnknownFacet[];
}

/**
 * A Swarm service as a Snapshot: every running task (desired and current state running) probed concurrently
 * (up to PROBES_PER_ENGINE at once per engine) by exec into its container — through `client` for tasks on its own node, through the engine the user named
 * for any other node — then the lowest slot is the reference and every other task's differences from it are
 * drift. A task that cannot be probed (another node without an engine, a container that stops mid-probe) is
 * said, not hidden; when no task can be probed the service is refused with the reasons.
 */
export async function captureSwarmService(
    client: EngineClient,
    service: string,
    options: ProbeOptions,
    deps: SwarmCaptureDeps,
): Promise<SwarmCapture> {
    const started = performance.now();
    const { tasks, nodeId } = await runningTasks(client, service, options.signal);
    let nodes: Promise<ReadonlyMap<string, SwarmNodeRef>> | undefined;
    const nodeOf = async (id: string): Promise<SwarmNodeRef> => {
        nodes ??= client
            .listNodes(options.signal)
            .then(
                (list) =>
                    new Map(
                        list.map((node) => [node.ID, { id: node.ID, hostname: node.Description?.Hostname ?? node.ID }]),
                    ),
            );
        return (await nodes).get(id) ?? { id, hostname: id.slice(0, 12) };
    };

    const limited = limitPerEngine<EngineClient>(deps.probesPerEngine ?? PROBES_PER_ENGINE);
    const outcomes = await Promise.all(
        tasks.map(async (task): Promise<{ task: SwarmTaskRef; snapshot?: Snapshot; why?: string }> => {
            try {
                if (task.nodeId === nodeId) {
                    return {
                        task,
                        snapshot: await limited(client, () => deps.probe(client, task.containerId, options)),
                    };
                }
                const node = await nodeOf(task.nodeId);
                const engine = await deps.nodeClient?.(node);
                if (!engine) {
                    return {
                        task,
                        why: `runs on node ${node.hostname} (${node.id.slice(0, 12)}), and the engine at ${client.address} can exec only into containers of its own node; name node ${node.hostname}'s engine to probe it`,
                    };
                }
                return { task, snapshot: await limited(engine, () => deps.probe(engine, task.containerId, options)) };
            } catch (error) {
                if (error instanceof EngineError && error.kind === 'cancelled') {
                    throw error;
                }
                return { task, why: error instanceof Error ? error.message : String(error) };
            }
        }),
    );

    const probed = outcomes.filter(
        (outcome): outcome is { task: SwarmTaskRef; snapshot: Snapshot } => outcome.snapshot !== undefined,
    );
    const unprobed = outcomes
        .filter((outcome) => outcome.snapshot === undefined)
        .map((outcome) => ({ task: outcome.task.label, why: outcome.why ?? 'not probed' }));
    const [reference, ...others] = probed.map(
        ({ task, snapshot }): ReplicaSnapshot => ({ task: task.label, taskId: task.id, snapshot }),
    );
    if (!reference) {
        throw new EngineError(
            'api',
            `No task of service ${service} on ${client.address} could be probed — ${unprobed.map((entry) => `${entry.task}: ${entry.why.replace(/\.$/, '')}`).join('; ')}.`,
            client.address,
            409,
        );
    }
    const drift = replicaDrift(reference, others);
    options.log.debug(
        `probe: service ${service}: ${probed.length} of ${tasks.length} tasks in ${Math.round(performance.now() - started)} ms, ${drift.findings.length} drift findings`,
    );
    const issues: CaptureIssue[] = [
        {
            severity: 'info',
            message: `Service ${service}: the reference task ${reference.task} of ${tasks.length} running; ${others.length} other task(s) compared with it, ${drift.findings.length} difference(s).`,
        },
        ...unprobed.map(
            (entry): CaptureIssue => ({
                severity: 'warning',
                message: `Service ${service}: task ${entry.task} was not probed: ${entry.why}`,
            }),
        ),
    ];
    return {
        snapshot: { ...reference.snapshot, issues: [...reference.snapshot.issues, ...issues] },
        drift: drift.findings,
        unknown: [
            ...unprobed.map(
                (entry): UnknownFacet => ({
                    facet: 'swarm',
                    key: entry.task,
                    side: 'both',
                    why: `not probed: ${entry.why}`,
                }),
            ),
            ...drift.unknown,
        ],
    };
}
