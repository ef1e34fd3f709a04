import type { ImageConfigInput } from '../core/probe/imageConfig';

/**
 * The fields of `GET /images/{name}/json` and `GET /containers/{id}/json` Parity reads, typed as the API
 * really answers (null and missing where @types/dockerode says always present).
 */
export interface ImageConfig extends ImageConfigInput {
    readonly Labels?: Readonly<Record<string, string>> | null;
}

export interface ImageDetails {
    readonly Id: string;
    readonly RepoTags?: readonly string[] | null;
    readonly RepoDigests?: readonly string[] | null;
    readonly Architecture?: string;
    readonly Variant?: string;
    readonly Os?: string;
    readonly Config?: ImageConfig | null;
}

export interface ContainerState {
    /** created, running, paused, restarting, removing, exited, dead. */
    readonly Status: string;
    readonly Running: boolean;
    readonly Paused: boolean;
    readonly Restarting: boolean;
    readonly ExitCode: number;
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
}
