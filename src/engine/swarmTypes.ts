/**
 * The fields of `GET /info` (Swarm), `GET /services/{id}`, `GET /tasks` and `GET /nodes` Parity reads, typed
 * as the API really answers (missing where @types/dockerode says always present).
 */
export interface SwarmState {
    /** inactive, pending, active, error, locked. */
    readonly localNodeState: string;
    /** This engine's node in the swarm; empty when it is in none. */
    readonly nodeId: string;
    /** This engine is a manager: only a manager answers for services, tasks and nodes. */
    readonly manager: boolean;
}

export interface ServiceDetails {
    readonly ID: string;
    readonly Spec: {
        readonly Name: string;
        readonly Mode?: { readonly Replicated?: { readonly Replicas?: number }; readonly Global?: unknown };
        readonly TaskTemplate?: {
            readonly ContainerSpec?: { readonly Image?: string };
            readonly Placement?: { readonly Constraints?: readonly string[] };
        };
    };
}

export interface SwarmTask {
    readonly ID: string;
    readonly ServiceID: string;
    /** Absent for the tasks of a global service (one per node). */
    readonly Slot?: number;
    /** Empty while the task is not yet assigned to a node. */
    readonly NodeID?: string;
    readonly DesiredState: string;
    readonly CreatedAt?: string;
    readonly UpdatedAt?: string;
    readonly Status: {
        /** new, pending, assigned, accepted, preparing, starting, running, complete, failed, shutdown, rejected, orphaned, remove. */
        readonly State: string;
        readonly Message?: string;
        readonly Err?: string;
        readonly ContainerStatus?: { readonly ContainerID?: string; readonly ExitCode?: number };
    };
}

export interface SwarmNode {
    readonly ID: string;
    readonly Description?: { readonly Hostname?: string };
    readonly Status?: { readonly Addr?: string; readonly State?: string };
}

/** A Swarm service as a picker shows it. */
export interface SwarmServiceSummary {
    readonly name: string;
    /** Without its digest. */
    readonly image: string;
    /** Replicas asked for; undefined for a global service. */
    readonly replicas?: number;
}
