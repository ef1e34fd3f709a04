import { type EngineDiffTarget, formatDiffTarget } from '../../core/diff/DiffTarget';
import type { UnknownFacet } from '../../core/diff/DiffResult';
import type { Finding } from '../../core/findings/Finding';
import type { Snapshot } from '../../core/snapshot/Snapshot';
import type { EngineClient } from '../../engine/EngineClient';
import { probeImage } from '../../targets/image/probeImage';
import type { ProbeOptions } from '../../targets/probe/ProbeOptions';
import { probeRegistryImage } from '../../targets/registry/probeRegistryImage';
import { captureSwarmService, type SwarmNodeRef } from '../../targets/swarm/captureSwarmService';
import { probeLiveContainer } from '../diff/probeLiveContainer';

/** What capturing a target that lives on an engine gives. */
export interface CapturedTarget {
    /** The target's environment: for a Swarm service, the task every other one is compared with. */
    readonly snapshot: Snapshot;
    /** Differences between the replicas of one target (a drifted Swarm task): bugs in their own right. */
    readonly drift?: readonly Finding[];
    /** What could not be read across the replicas (a task not probed): never a difference. Side `both` until the diff places it. */
    readonly unknown?: readonly UnknownFacet[];
}

/** Engines besides the target's own that a capture may need. */
export interface CaptureEngines {
    /** The engine of a swarm node other than the manager's, when the user named one for it (by hostname or node id). */
    readonly forNode?: (node: SwarmNodeRef) => Promise<EngineClient | undefined>;
}

export interface CaptureOptions extends ProbeOptions {
    /** Where the Docker config is found (registry credentials): DOCKER_CONFIG, HOME. Default: process.env. */
    readonly env?: Readonly<Record<string, string | undefined>>;
    /** registry: keep an image pulled only to probe it (by default it is removed again). */
    readonly keepPulled?: boolean;
}

/**
 * One engine target as a Snapshot, through the engine it lives on (`client` is that engine's): an image is
 * probed in a throwaway container, a container by exec, a registry image pulled by that engine first. The one
 * path the diff, `parity snapshot --target` and Run like Target take, so each kind behaves the same everywhere.
 */
export async function captureEngineTarget(
    client: EngineClient,
    target: EngineDiffTarget,
    options: CaptureOptions,
    engines: CaptureEngines = {},
): Promise<CapturedTarget> {
    switch (target.kind) {
        case 'image':
            return { snapshot: await probeImage(client, target.ref, options) };
        case 'container':
            return { snapshot: await probeLiveContainer(client, target.name, options) };
        case 'swarm': {
            const { snapshot, drift, unknown } = await captureSwarmService(client, target.service, options, {
                probe: probeLiveContainer,
                ...(engines.forNode ? { nodeClient: engines.forNode } : {}),
            });
            return { snapshot, drift, unknown };
        }
        case 'registry':
            return {
                snapshot: await probeRegistryImage(client, target.ref, {
                    ...options,
                    target: formatDiffTarget(target),
                    env: options.env ?? process.env,
                }),
            };
    }
}
