import type { ImageConfigInput } from '../core/probe/imageConfig';

/**
 * The fields of `GET /images/{name}/json` and `GET /containers/{id}/json` Parity reads, typed as the API
 * really answers (null and missing where @types/dockerode says always present).
 */
export interface ImageConfig extends ImageConfigInput {
    readonly Labels?: Readonly<Record<string, string>> | null;
    readonly Volumes?: Readonly<Record<string, unknown>> | null;
}

export interface ImageDetails {
    readonly Id: string;
    readonly RepoTags?: readonly string[] | null;
    readonly RepoDigests?: readonly string[] | null;
    readonly Architecture?: string;
    readonly Variant?: string;
    readonly Os?: string;
    /** RFC 3339, the engine's clock. */
    readonly Created?: string;
    readonly Config?: ImageConfig | null;
}

export interface ContainerState {
    /** created, running, paused, restarting, removing, exited, dead. */
    readonly Status: string;
    readonly Running: boolean;
    readonly Paused: boolean;
    readonly Restarting: boolean;
    readonly ExitCode: number;
    /** The kernel killed a process of the container for exceeding its memory limit. */
    readonly OOMKilled?: boolean;
    /** The main process as the engine's host sees it; 0 when not running. */
    readonly Pid?: number;
    /** RFC 3339; "0001-01-01T00:00:00Z" when never. */
    readonly StartedAt: string;
    readonly FinishedAt: string;
}

export interface ContainerDetails {
    readonly Id: string;
    /** With the leading slash, as the API gives it. */
    readonly Name: string;
    /** The image ID the container was created from. */
    readonly Image: string;
    readonly Path?: string;
    readonly Args?: readonly string[] | null;
    readonly State: ContainerState;
    readonly RestartCount?: number;
    /** Config.Image is the reference the container was created with (e.g. "node:20-bookworm-slim"). */
    readonly Config: ImageConfig & { readonly Image?: string; readonly Hostname?: string };
    readonly HostConfig?: {
        readonly Memory?: number;
        readonly NanoCpus?: number;
        readonly PidsLimit?: number | null;
    } | null;
    /** Published ports: `"3000/tcp": [{ HostIp, HostPort }]`, null for ports not published. */
    readonly NetworkSettings?: {
        readonly Ports?: Readonly<
            Record<string, readonly { readonly HostIp: string; readonly HostPort: string }[] | null>
        > | null;
    } | null;
}
