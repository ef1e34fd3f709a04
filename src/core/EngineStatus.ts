import { formatBytes } from './formatBytes';
import { dockerArch } from './snapshot/dockerArch';

/** What Parity knows about the engine it talks to; shown by "Show Engine Status" and `parity doctor`. */
export interface EngineStatus {
    /** The address in canonical form, e.g. unix:///var/run/docker.sock. */
    readonly address: string;
    /** Why this engine was chosen, e.g. "DOCKER_HOST". */
    readonly source: string;
    readonly engineVersion: string;
    readonly apiVersion: string;
    /** The API version the engine still accepts. */
    readonly minApiVersion?: string;
    readonly osType: string;
    readonly arch: string;
    readonly operatingSystem: string;
    readonly kernelVersion: string;
    readonly storageDriver?: string;
    readonly cgroupVersion?: string;
    readonly cpus?: number;
    readonly memoryBytes?: number;
    /** The node's swarm state as the engine reports it: inactive, active, pending, error, locked. */
    readonly swarm: string;
    /** BuildKit builds (`version=2`, sessions, secret mounts) are possible on this engine. */
    readonly buildkit: boolean;
    /** Round trip of the ping, in milliseconds. */
    readonly pingMs: number;
}

/** Docker's Go architecture names, which users know from image platforms (linux/amd64). */
export function platformOf(status: Pick<EngineStatus, 'osType' | 'arch'>): string {
    return `${status.osType}/${dockerArch(status.arch)}`;
}

/** One line for a status bar tooltip or notification. */
export function summarizeEngineStatus(status: EngineStatus): string {
    return `Docker ${status.engineVersion} (API ${status.apiVersion}) · ${platformOf(status)} · BuildKit ${status.buildkit ? 'available' : 'not available'} — ${status.address}`;
}

/** The full report as aligned "label: value" lines, shared by the log channel and the CLI. */
export function formatEngineStatus(status: EngineStatus): string[] {
    const rows: [string, string | undefined][] = [
        ['Address', `${status.address} (from ${status.source})`],
        ['Engine', status.engineVersion],
        [
            'API',
            status.minApiVersion
                ? `${status.apiVersion} (accepts ${status.minApiVersion} and later)`
                : status.apiVersion,
        ],
        ['Platform', platformOf(status)],
        ['OS', status.operatingSystem],
        ['Kernel', status.kernelVersion],
        ['Storage', status.storageDriver],
        ['Cgroups', status.cgroupVersion ? `v${status.cgroupVersion}` : undefined],
        ['CPUs', status.cpus === undefined ? undefined : String(status.cpus)],
        ['Memory', status.memoryBytes === undefined ? undefined : formatBytes(status.memoryBytes)],
        ['Swarm', status.swarm],
        ['BuildKit', status.buildkit ? 'available' : 'not available (classic builder only)'],
        ['Ping', `${status.pingMs} ms`],
    ];
    const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
    const width = Math.max(...shown.map(([label]) => label.length));
    return shown.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`);
}
