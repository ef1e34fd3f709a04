import type { EngineClient } from './EngineClient';

/** A Swarm service as a picker shows it. */
export interface SwarmServiceSummary {
    readonly name: string;
    readonly image: string;
    /** Replicas asked for; undefined for a global service. */
    readonly replicas?: number;
}

/**
 * The Swarm services of an engine (`GET /services`), through the client's bounded, cancellable call — so the
 * deadline, the debug log and the error mapping are the client's own. An engine that is not a Swarm manager
 * answers with an `api` error (HTTP 503), which callers show as "no services there".
 */
export async function listSwarmServices(client: EngineClient, signal?: AbortSignal): Promise<SwarmServiceSummary[]> {
    const { call } = client.buildDeps();
    const services = await call('listing Swarm services', (docker, abortSignal) => docker.listServices({ abortSignal }), signal);
    return services.map((service) => {
        const spec = service.Spec;
        const image = spec?.TaskTemplate && 'ContainerSpec' in spec.TaskTemplate ? (spec.TaskTemplate.ContainerSpec?.Image ?? '') : '';
        const replicas = spec?.Mode?.Replicated?.Replicas;
        return { name: spec?.Name ?? service.ID, image: image.replace(/@sha256:[0-9a-f]+$/, ''), ...(replicas === undefined ? {} : { replicas }) };
    }).sort((a, b) => a.name.localeCompare(b.name));
}
