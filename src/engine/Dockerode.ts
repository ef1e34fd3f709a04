import type Docker from 'dockerode';
import type { Agent, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ContainerCreateOptions } from '../core/sandbox/ContainerCreateOptions';

/** Every dockerode 5 call takes an AbortSignal; @types/dockerode (written for 4) does not say so. */
export interface Abortable {
    readonly abortSignal?: AbortSignal;
}

/** The dockerode surface Parity uses, typed as dockerode 5 really behaves. */
export type Dockerode = Omit<
    Docker,
    'getContainer' | 'getImage' | 'createContainer' | 'getEvents' | 'modem' | 'getService' | 'listTasks' | 'listNodes'
> & {
    ping(options: Abortable): Promise<unknown>;
    version(options: Abortable): Promise<Docker.DockerVersion>;
    info(options: Abortable): Promise<unknown>;
    listImages(options: Docker.ListImagesOptions & Abortable): Promise<Docker.ImageInfo[]>;
    listContainers(options: Docker.ContainerListOptions & Abortable): Promise<Docker.ContainerInfo[]>;
    getImage(name: string): DockerodeImage;
    getContainer(id: string): DockerodeContainer;
    /** `GET /services/{id}` through `inspect`; the answer is read through the narrow types in swarmTypes.ts. */
    getService(id: string): { inspect(options: Abortable): Promise<unknown> };
    /** `GET /tasks?filters=…`; `filters` go out as JSON. */
    listTasks(options: { filters?: Readonly<Record<string, readonly string[]>> } & Abortable): Promise<unknown[]>;
    /** `GET /nodes` (a manager only). */
    listNodes(options: Abortable): Promise<unknown[]>;
    /** A sandbox's body (src/core/sandbox) is sent as the policy wrote it, with its name as the query parameter. */
    createContainer(
        options: (Docker.ContainerCreateOptions | (ContainerCreateOptions & { readonly name: string })) & Abortable,
    ): Promise<DockerodeContainer>;
    /** `GET /events`: newline-separated JSON events until the connection ends; `filters` go out as JSON. */
    getEvents(
        options: { filters?: Readonly<Record<string, readonly string[]>>; since?: number } & Abortable,
    ): Promise<NodeJS.ReadableStream>;
    modem: {
        demuxStream(stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void;
        /** docker-modem's raw request: how Parity opens a build session and streams a build itself. */
        dial(
            options: ModemDialOptions,
            callback: (error: (Error & { statusCode?: number; json?: unknown }) | null, result: unknown) => void,
        ): void;
    };
};

/**
 * A raw docker-modem request. `options` become the query string (objects as JSON); `file` is sent as the
 * body (`application/tar`); `hijack` answers with the upgraded socket, `isStream` with the response.
 */
export interface ModemDialOptions {
    readonly path: string;
    readonly method: 'GET' | 'POST' | 'DELETE' | 'HEAD';
    readonly options?: Record<string, unknown>;
    readonly headers?: Record<string, string | readonly string[]>;
    readonly file?: NodeJS.ReadableStream;
    readonly hijack?: boolean;
    readonly isStream?: boolean;
    readonly abortSignal?: AbortSignal;
    /** Status code → true (success) or the text used in the error message. */
    readonly statusCodes: Readonly<Record<number, true | string>>;
}

export interface DockerodeImage {
    /** `GET /images/{name}/json`; the answer is read through the narrow types in inspectTypes.ts. */
    inspect(options: Abortable): Promise<unknown>;
    /** `POST /images/{name}/tag?repo=…&tag=…`. */
    tag(options: { repo: string; tag?: string } & Abortable): Promise<unknown>;
    /** `DELETE /images/{name}`. */
    remove(options: { force?: boolean; noprune?: boolean } & Abortable): Promise<unknown>;
    /** `POST /images/{name}/push`: the engine uploads to the registry; the answer is the progress stream (JSON lines). */
    push(options: { tag?: string; authconfig: object } & Abortable): Promise<unknown>;
}

export interface DockerodeContainer {
    readonly id: string;
    inspect(options: Abortable): Promise<unknown>;
    exec(options: Docker.ExecCreateOptions & Abortable): Promise<DockerodeExec>;
    /** Without `hijack` the multiplexed output arrives as the HTTP response body. */
    attach(
        options: { stream: true; stdout: boolean; stderr: boolean; logs?: boolean } & Abortable,
    ): Promise<NodeJS.ReadableStream>;
    /** With `stdin` and `hijack` the raw connection: write to reach the container's stdin, read the frames. */
    attach(
        options: { stream: true; stdout: boolean; stderr: boolean; stdin: true; hijack: true } & Abortable,
    ): Promise<Duplex>;
    start(options: Abortable): Promise<unknown>;
    /** `POST /containers/{id}/stop?t=…`: SIGTERM (or the image's STOPSIGNAL), SIGKILL after `t` seconds; 304 when not running. */
    stop(options: { t: number } & Abortable): Promise<unknown>;
    /** `GET /containers/{id}/stats?stream=false&one-shot=true`: one sample, answered at once. */
    stats(options: { stream: false; 'one-shot': true } & Abortable): Promise<unknown>;
    restart(options: { t?: number } & Abortable): Promise<unknown>;
    /** With `follow` the answer is the open response stream (multiplexed unless the container has a TTY). */
    logs(
        options: {
            follow: true;
            stdout: boolean;
            stderr: boolean;
            tail?: number | 'all';
            timestamps?: boolean;
        } & Abortable,
    ): Promise<NodeJS.ReadableStream>;
    wait(options: { condition: 'not-running' | 'next-exit' | 'removed' } & Abortable): Promise<{ StatusCode: number }>;
    remove(options: { force?: boolean; v?: boolean } & Abortable): Promise<unknown>;
    /** `GET /containers/{id}/archive?path=…`: a tar of the path, also on a created-but-never-started container. */
    getArchive(options: { path: string } & Abortable): Promise<NodeJS.ReadableStream>;
    /** `HEAD /containers/{id}/archive?path=…`: the response carries the stat in X-Docker-Container-Path-Stat. */
    infoArchive(options: { path: string } & Abortable): Promise<IncomingMessage>;
}

export interface DockerodeExec {
    readonly id: string;
    /** With `hijack` the result is the raw connection, carrying the multiplexed stdout/stderr frames. */
    start(options: { hijack: true; stdin: boolean; Detach: false; Tty: false } & Abortable): Promise<Duplex>;
    /** With `Tty` the connection carries the terminal's raw bytes both ways (no frames). */
    start(options: { hijack: true; stdin: true; Detach: false; Tty: true } & Abortable): Promise<Duplex>;
    /** `POST /exec/{id}/resize?h=…&w=…`: the TTY's size. */
    resize(options: { h: number; w: number } & Abortable): Promise<unknown>;
    inspect(options: Abortable): Promise<{ ExitCode: number | null; Running: boolean }>;
}

/** docker-modem also accepts an http(s) agent, which is how TLS without verification is expressed. */
export type DockerodeOptions = Docker.DockerOptions & { agent?: Agent };

/** Loads dockerode on first use (it is ~0.9 MB bundled) and creates a client. */
export async function createDockerode(options: DockerodeOptions): Promise<Dockerode> {
    const { default: DockerodeClass } = await import('dockerode');
    const docker = new DockerodeClass(options);
    // docker-modem lays the ssh options it derives from process.env.DOCKER_HOST over ours, which would drop the
    // host-key check and the key file whenever DOCKER_HOST is an ssh:// address: ours must be the only ones.
    if (options.protocol === 'ssh') {
        const modem = docker.modem as unknown as { sshOptions: unknown; dial: (...args: unknown[]) => unknown };
        modem.sshOptions = { ...options.sshOptions };
        // For ssh, docker-modem builds a request URL "ssh:host:port/…" that Node's legacy url.resolve flags with a
        // DEP0170 warning on stderr (the URL is never used to connect). The flag is set only for the synchronous
        // URL building in dial and put back at once, so no other code runs while it is set.
        const dial = modem.dial.bind(modem);
        modem.dial = (...args: unknown[]): unknown => {
            const before = process.noDeprecation;
            process.noDeprecation = true;
            try {
                return dial(...args);
            } finally {
                process.noDeprecation = before ?? false;
            }
        };
    }
    // The narrow surface above describes dockerode 5 where its (v4) typings do not: see Abortable.
    return docker as unknown as Dockerode;
}
