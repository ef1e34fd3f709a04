import { compareNames } from '../images/compareNames';
import { SANDBOX_PURPOSE } from '../sandbox/sandboxLabels';
import { type Labels, parityPurpose } from './parityPurpose';

/** The fields of an engine's container list entry (`GET /containers/json?all=1`) the views use. */
export interface ContainerSummary {
    readonly Id: string;
    readonly Names?: readonly string[] | null;
    readonly Image: string;
    readonly ImageID?: string;
    /** created, running, paused, restarting, removing, exited, dead. */
    readonly State?: string;
    /** "Up 3 minutes", "Exited (137) 5 seconds ago", … */
    readonly Status?: string;
    /** Seconds since the epoch. */
    readonly Created: number;
    readonly Ports?: readonly PortSummary[] | null;
    readonly Labels?: Readonly<Record<string, string>> | null;
}

export interface PortSummary {
    readonly IP?: string;
    readonly PrivatePort: number;
    readonly PublicPort?: number;
    readonly Type: string;
}

export type ContainerState =
    | 'running'
    | 'paused'
    | 'restarting'
    | 'created'
    | 'exited'
    | 'dead'
    | 'removing'
    | 'unknown';

const STATES: ReadonlySet<string> = new Set<ContainerState>([
    'running',
    'paused',
    'restarting',
    'created',
    'exited',
    'dead',
    'removing',
]);

/** A port the container publishes on the engine's host. */
export interface PublishedPort {
    readonly hostPort: number;
    readonly containerPort: number;
    readonly protocol: string;
    /** `host:port` as a person would type it. */
    readonly address: string;
    /** What a browser opens, for TCP ports only. */
    readonly url?: string;
}

export interface ContainerRow {
    readonly id: string;
    readonly name: string;
    readonly image: string;
    readonly state: ContainerState;
    /** The engine's own wording, e.g. "Up 3 minutes". */
    readonly status: string;
    /** Seconds since the epoch. */
    readonly created: number;
    /** For an exited container, the code its main process ended with. */
    readonly exitCode?: number | undefined;
    readonly ports: readonly PublishedPort[];
    readonly labels: Readonly<Record<string, string>>;
    /** A sandbox Parity created (see parityPurpose): Stop and Remove take it through Parity's sandbox stop. */
    readonly sandbox: boolean;
    /** The project a sandbox runs (label parity.project); only for a sandbox. */
    readonly project?: string | undefined;
}

export interface ContainerRowOptions {
    /**
     * The host name published ports are reached at: `localhost` for a local engine, the engine's host for a
     * remote one (see publishedPortHost).
     */
    readonly publishHost: string;
    /**
     * The image's own labels by image ID, for the containers that carry `parity.container` (see
     * ImageLabelCache.forContainers); null for an image that is gone. A container whose image is not here
     * does not count as Parity's.
     */
    readonly imageLabels?: ReadonlyMap<string, Labels | null>;
}

/** Sandboxes first, then the others; in each, live containers (running, paused, restarting) before the rest, newest first. */
export function containerRows(containers: readonly ContainerSummary[], options: ContainerRowOptions): ContainerRow[] {
    return containers
        .map((container) => containerRow(container, options))
        .sort(
            (a, b) =>
                Number(b.sandbox) - Number(a.sandbox) ||
                Number(isLive(b.state)) - Number(isLive(a.state)) ||
                b.created - a.created ||
                compareNames(a.name, b.name),
        );
}

export function containerRow(container: ContainerSummary, options: ContainerRowOptions): ContainerRow {
    const labels = container.Labels ?? {};
    const state = STATES.has(container.State ?? '') ? (container.State as ContainerState) : 'unknown';
    const status = container.Status ?? '';
    const exitCode = state === 'exited' ? /^Exited \((-?\d+)\)/.exec(status)?.[1] : undefined;
    const sandbox =
        parityPurpose(labels, options.imageLabels?.get(container.ImageID ?? '') ?? null) === SANDBOX_PURPOSE;
    // Every field written out (no conditional spreads): V8 builds spread objects an order slower.
    return {
        id: container.Id,
        name: container.Names?.[0]?.replace(/^\//, '') ?? container.Id.slice(0, 12),
        image: container.Image,
        state,
        status,
        created: container.Created,
        exitCode: exitCode === undefined ? undefined : Number(exitCode),
        ports: publishedPorts(container.Ports ?? [], options.publishHost),
        labels,
        sandbox,
        project: sandbox ? labels['parity.project'] : undefined,
    };
}

/** Running, paused or restarting: it holds resources and Stop applies. */
export function isLive(state: ContainerState): boolean {
    return state === 'running' || state === 'paused' || state === 'restarting';
}

/**
 * Published ports, one per host port and protocol (the engine lists a port once for 0.0.0.0 and again for
 * ::), sorted by host port. A port bound to every address or to loopback is reached at `publishHost`.
 */
export function publishedPorts(ports: readonly PortSummary[], publishHost: string): PublishedPort[] {
    const seen = new Map<string, PublishedPort>();
    for (const port of ports) {
        if (!port.PublicPort) {
            continue;
        }
        const key = `${port.PublicPort}/${port.Type}`;
        if (seen.has(key)) {
            continue;
        }
        const ip = port.IP ?? '';
        const host = ['', '0.0.0.0', '::', '127.0.0.1', '::1'].includes(ip) ? publishHost : ip;
        const address = `${host.includes(':') ? `[${host}]` : host}:${port.PublicPort}`;
        const scheme = port.PrivatePort === 443 || port.PrivatePort === 8443 ? 'https' : 'http';
        seen.set(key, {
            hostPort: port.PublicPort,
            containerPort: port.PrivatePort,
            protocol: port.Type,
            address,
            ...(port.Type === 'tcp' ? { url: `${scheme}://${address}/` } : {}),
        });
    }
    return [...seen.values()].sort((a, b) => a.hostPort - b.hostPort || compareNames(a.protocol, b.protocol));
}

/**
 * The tree item's contextValue, matched by regex in package.json menus: `<state>Container`, then `;sandbox`
 * for a Parity sandbox and `;ports` when a running container publishes a port a browser can open —
 * e.g. `runningContainer;sandbox;ports`, `exitedContainer`.
 */
export function containerContextValue(row: ContainerRow): string {
    return [
        `${row.state}Container`,
        ...(row.sandbox ? ['sandbox'] : []),
        ...(row.state === 'running' && row.ports.some((port) => port.url !== undefined) ? ['ports'] : []),
    ].join(';');
}
