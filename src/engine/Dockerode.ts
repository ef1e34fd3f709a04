import type Docker from 'dockerode';
import type { Agent } from 'node:http';

/** Every dockerode 5 call takes an AbortSignal; @types/dockerode (written for 4) does not say so. */
export interface Abortable {
    readonly abortSignal?: AbortSignal;
}

/** The dockerode surface Parity uses, typed as dockerode 5 really behaves. */
export type Dockerode = Docker & {
    ping(options: Abortable): Promise<unknown>;
    version(options: Abortable): Promise<Docker.DockerVersion>;
    info(options: Abortable): Promise<unknown>;
    listImages(options: Docker.ListImagesOptions & Abortable): Promise<Docker.ImageInfo[]>;
    listContainers(options: Docker.ContainerListOptions & Abortable): Promise<Docker.ContainerInfo[]>;
};

/** docker-modem also accepts an http(s) agent, which is how TLS without verification is expressed. */
export type DockerodeOptions = Docker.DockerOptions & { agent?: Agent };

/** Loads dockerode on first use (it is ~0.9 MB bundled) and creates a client. */
export async function createDockerode(options: DockerodeOptions): Promise<Dockerode> {
    const { default: DockerodeClass } = await import('dockerode');
    return new DockerodeClass(options);
}
