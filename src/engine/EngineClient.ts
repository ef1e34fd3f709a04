import type Docker from 'dockerode';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { supportsBuildKit } from '../core/buildkitSupport';
import { mentionsDiskFull } from '../core/build/diskFull';
import { formatEngineAddress } from '../core/engineAddress';
import type { EngineStatus } from '../core/EngineStatus';
import type { Logger } from '../core/Logger';
import type { EngineSelection } from '../core/selectEngine';
import { repositoryOf, splitImageReference } from '../core/images/imageReference';
import { type RegistryAuth, registryHostOf } from '../core/images/registryAuth';
import type { BuildDeps } from './build/buildImage';
import type { HostKeyProblem } from './connection/HostKeyProblem';
import { type SshFiles, sshFiles } from './connection/sshOptions';
import { type TlsFiles, tlsFiles } from './connection/tlsFiles';
import { ContainerFiles } from './ContainerFiles';
import { createDockerode, type Dockerode } from './Dockerode';
import { dockerodeOptions } from './dockerodeOptions';
import { engineDataRoot } from './engineDataRoot';
import { EngineError } from './EngineError';
import { EventLineDecoder, type EngineEvent } from './events/EngineEvent';
import { type CommandResult, execInContainer, type ExecOptions } from './execInContainer';
import { followStream } from './followStream';
import { JsonLineDecoder } from './JsonLineDecoder';
import { pullFailure, type PullProgress } from './pullFailure';
import type { ContainerDetails, ImageDetails } from './inspectTypes';
import type { SandboxDeps } from './sandbox/SandboxDeps';
import { serviceSummary } from './serviceSummary';
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS, streamIdleDeadline } from './streamIdleDeadline';
import type { ServiceDetails, SwarmNode, SwarmServiceSummary, SwarmState, SwarmTask } from './swarmTypes';
import {
    createThrowaway,
    removeThrowaway,
    ThrowawayContainer,
    throwawayName,
    type ThrowawaySpec,
} from './ThrowawayContainer';
import { type CallContext, toEngineError } from './toEngineError';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface EngineClientOptions {
    readonly log: Logger;
    /** Limit for each request/response call; streams (build, logs, events) are bounded by cancellation instead. */
    readonly timeoutMs?: number;
    /** How long a pull's progress may stay silent before the pull fails as stalled (default two minutes). */
    readonly streamIdleTimeoutMs?: number;
    readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The one way Parity talks to a Docker engine. dockerode is loaded on the first call, every call has a
 * deadline and honours an AbortSignal, and every failure becomes an EngineError.
 */
export class EngineClient {
    readonly address: string;
    private docker: Promise<Dockerode> | undefined;
    private readonly timeoutMs: number;
    private readonly streamIdleMs: number;
    /** The files of a TLS or ssh connection, for error messages. */
    private readonly transport: { tls?: TlsFiles; ssh?: SshFiles };
    /** The last ssh host key known_hosts did not vouch for (one client talks to one host). */
    private rejectedHostKey: HostKeyProblem | undefined;

    constructor(
        readonly selection: EngineSelection,
        private readonly options: EngineClientOptions,
    ) {
        this.address = formatEngineAddress(selection.address);
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.streamIdleMs = options.streamIdleTimeoutMs ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS;
        this.transport = {
            ...(selection.address.kind === 'tcp' && selection.tls ? { tls: tlsFiles(selection.tls) } : {}),
            ...(selection.address.kind === 'ssh' ? { ssh: sshFiles(selection.ssh) } : {}),
        };
    }

    async status(signal?: AbortSignal): Promise<EngineStatus> {
        const { ms: pingMs } = await this.timedCall(
            'the ping',
            (docker, abortSignal) => docker.ping({ abortSignal }),
            signal,
        );
        const [version, info] = await Promise.all([
            this.call('the version query', (docker, abortSignal) => docker.version({ abortSignal }), signal),
            this.call(
                'the info query',
                (docker, abortSignal) => docker.info({ abortSignal }) as Promise<DockerInfo>,
                signal,
            ),
        ]);
        return {
            address: this.address,
            source: this.selection.source,
            engineVersion: version.Version,
            apiVersion: version.ApiVersion,
            ...(version.MinAPIVersion ? { minApiVersion: version.MinAPIVersion } : {}),
            osType: info.OSType ?? version.Os,
            arch: info.Architecture ?? version.Arch,
            operatingSystem: info.OperatingSystem ?? '',
            kernelVersion: info.KernelVersion ?? version.KernelVersion ?? '',
            ...(info.Driver ? { storageDriver: info.Driver } : {}),
            ...(info.CgroupVersion ? { cgroupVersion: info.CgroupVersion } : {}),
            ...(typeof info.NCPU === 'number' ? { cpus: info.NCPU } : {}),
            ...(typeof info.MemTotal === 'number' ? { memoryBytes: info.MemTotal } : {}),
            swarm: info.Swarm?.LocalNodeState ?? 'inactive',
            buildkit: supportsBuildKit(info.OSType ?? version.Os, version.ApiVersion),
            pingMs,
        };
    }

    listImages(signal?: AbortSignal): Promise<Docker.ImageInfo[]> {
        return this.call('listing images', (docker, abortSignal) => docker.listImages({ abortSignal }), signal);
    }

    listContainers(signal?: AbortSignal): Promise<Docker.ContainerInfo[]> {
        return this.call(
            'listing containers',
            (docker, abortSignal) => docker.listContainers({ all: true, abortSignal }),
            signal,
        );
    }

    inspectImage(ref: string, signal?: AbortSignal): Promise<ImageDetails> {
        return this.call(
            `inspecting image ${ref}`,
            async (docker, abortSignal) => (await docker.getImage(ref).inspect({ abortSignal })) as ImageDetails,
            signal,
        );
    }

    inspectContainer(nameOrId: string, signal?: AbortSignal): Promise<ContainerDetails> {
        return this.call(
            `inspecting container ${nameOrId}`,
            async (docker, abortSignal) =>
                (await docker.getContainer(nameOrId).inspect({ abortSignal })) as ContainerDetails,
            signal,
        );
    }

    /** Whether this engine is in a swarm, as which node, and whether it is a manager (`GET /info`). */
    async swarmState(signal?: AbortSignal): Promise<SwarmState> {
        const info = await this.call(
            'the info query',
            (docker, abortSignal) => docker.info({ abortSignal }) as Promise<DockerInfo>,
            signal,
        );
        const swarm = info.Swarm ?? {};
        return {
            localNodeState: swarm.LocalNodeState ?? 'inactive',
            nodeId: swarm.NodeID ?? '',
            manager: swarm.ControlAvailable === true,
        };
    }

    /** `GET /services/{id}` by name or id: 404 when there is none, 503 when this engine is no swarm manager. */
    inspectService(nameOrId: string, signal?: AbortSignal): Promise<ServiceDetails> {
        return this.call(
            `inspecting service ${nameOrId}`,
            async (docker, abortSignal) =>
                (await docker.getService(nameOrId).inspect({ abortSignal })) as ServiceDetails,
            signal,
        );
    }

    /**
     * `GET /services`: the Swarm services of a manager, sorted by name. An engine that is not a manager answers
     * with an `api` error (HTTP 503), which callers show as "no services there".
     */
    async listServices(signal?: AbortSignal): Promise<SwarmServiceSummary[]> {
        const services = await this.call(
            'listing Swarm services',
            (docker, abortSignal) => docker.listServices({ abortSignal }),
            signal,
        );
        return services.map(serviceSummary).sort((a, b) => a.name.localeCompare(b.name));
    }

    /** `GET /tasks?filters=…`, e.g. `{ service: [id], 'desired-state': ['running'] }`. */
    listTasks(filters: Readonly<Record<string, readonly string[]>>, signal?: AbortSignal): Promise<SwarmTask[]> {
        return this.call(
            'listing swarm tasks',
            async (docker, abortSignal) => (await docker.listTasks({ filters, abortSignal })) as SwarmTask[],
            signal,
        );
    }

    /** `GET /nodes`: the swarm's nodes (a manager only). */
    listNodes(signal?: AbortSignal): Promise<SwarmNode[]> {
        return this.call(
            'listing swarm nodes',
            async (docker, abortSignal) => (await docker.listNodes({ abortSignal })) as SwarmNode[],
            signal,
        );
    }

    /** `POST /containers/{id}/stop`: SIGTERM, SIGKILL after `graceSeconds`; a container already stopped is not an error. */
    async stopContainer(
        nameOrId: string,
        options: { graceSeconds?: number; signal?: AbortSignal } = {},
    ): Promise<void> {
        const grace = options.graceSeconds ?? 10;
        await this.call(
            `stopping container ${nameOrId}`,
            (docker, abortSignal) =>
                docker.getContainer(nameOrId).stop({ t: grace, abortSignal }).catch(alreadyDone(304)),
            options.signal,
            this.timeoutMs + grace * 1000,
        );
    }

    async restartContainer(
        nameOrId: string,
        options: { graceSeconds?: number; signal?: AbortSignal } = {},
    ): Promise<void> {
        const grace = options.graceSeconds ?? 10;
        await this.call(
            `restarting container ${nameOrId}`,
            (docker, abortSignal) => docker.getContainer(nameOrId).restart({ t: grace, abortSignal }),
            options.signal,
            this.timeoutMs + grace * 1000,
        );
    }

    /** `DELETE /containers/{id}`; `force` kills a running container first. Its anonymous volumes go with it. */
    async removeContainer(nameOrId: string, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<void> {
        await this.call(
            `removing container ${nameOrId}`,
            (docker, abortSignal) =>
                docker.getContainer(nameOrId).remove({ force: options.force ?? false, v: true, abortSignal }),
            options.signal,
        );
    }

    /**
     * `DELETE /images/{ref}`: by tag it untags (and deletes the image with its last tag), by ID it deletes.
     * An image a container uses is refused with an `api` error, HTTP 409.
     */
    async removeImage(ref: string, signal?: AbortSignal): Promise<void> {
        await this.call(
            `removing image ${ref}`,
            (docker, abortSignal) => docker.getImage(ref).remove({ abortSignal }),
            signal,
        );
    }

    /**
     * `POST /images/create`: the engine pulls `ref` (a tag, `:latest` when none, or a digest) from its registry
     * — the registry is reached from the engine's machine. `auth` goes to the engine in the X-Registry-Auth
     * header and nowhere else (never logged). Each progress line goes to `onProgress`. Opening is bounded by
     * the request limit, the transfer by `signal` and the idle limit. A failure, whether the engine answers with a status or
     * reports it in the stream, is an EngineError naming the image and the registry (see pullFailure); the
     * engine creates the tag only when the pull completes, so a failed pull leaves none. A pull whose progress
     * stays silent for the idle limit (streamIdleTimeoutMs) fails as stalled.
     */
    async pullImage(
        ref: string,
        options: { signal?: AbortSignal; onProgress?: (progress: PullProgress) => void; auth?: RegistryAuth } = {},
    ): Promise<void> {
        const { repository, version } = pullSource(ref);
        const attempt = {
            ref,
            registry: registryHostOf(ref),
            address: this.address,
            withAuth: options.auth !== undefined,
        };
        const signal = options.signal ?? new AbortController().signal;
        let stream: NodeJS.ReadableStream;
        try {
            stream = await this.openStream(
                `pulling image ${ref}`,
                (docker, abortSignal) =>
                    docker.createImage({
                        fromImage: repository,
                        tag: version,
                        ...(options.auth ? { authconfig: options.auth } : {}),
                        abortSignal,
                    }),
                signal,
            );
        } catch (error) {
            const detail = error instanceof EngineError && error.kind === 'api' ? engineDetail(error.cause) : undefined;
            throw detail === undefined ? error : pullFailure(detail, attempt, (error as EngineError).statusCode, error);
        }
        let failure: string | undefined;
        const lines = new JsonLineDecoder<PullProgress>();
        const onLine = (line: PullProgress): void => {
            if (line.error !== undefined || line.errorDetail?.message !== undefined) {
                failure ??= line.errorDetail?.message ?? line.error;
            } else {
                options.onProgress?.(line);
            }
        };
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => lines.push(chunk).forEach(onLine));
        stream.on('end', () => lines.end().forEach(onLine));
        const idle = streamIdleDeadline(stream, this.streamIdleMs, this.address, `pulling image ${ref}`);
        await followStream(stream, AbortSignal.any([signal, idle.signal]), (error, cancelled) =>
            idle.signal.aborted && !signal.aborted
                ? idle.error
                : toEngineError(error, this.context(`pulling image ${ref}`, this.timeoutMs), cancelled),
        ).finally(() => idle.stop());
        if (failure !== undefined) {
            throw pullFailure(failure, attempt);
        }
    }

    /**
     * Follows `GET /events` and hands each event to `onEvent` until the engine ends the stream (resolves) or
     * it breaks (rejects with an EngineError; `cancelled` when `signal` ended it). Opening is bounded by the
     * request limit, the open stream only by `signal`; `onOpen` runs once the engine has answered.
     */
    async streamEvents(options: {
        filters?: Readonly<Record<string, readonly string[]>>;
        signal: AbortSignal;
        onOpen?: () => void;
        onEvent: (event: EngineEvent) => void;
    }): Promise<void> {
        const { filters, signal } = options;
        const stream = await this.openStream(
            'opening the event stream',
            (docker, abortSignal) => docker.getEvents({ ...(filters ? { filters } : {}), abortSignal }),
            signal,
        );
        options.onOpen?.();
        const decoder = new EventLineDecoder();
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => decoder.push(chunk).forEach(options.onEvent));
        stream.on('end', () => decoder.end().forEach(options.onEvent));
        await followStream(stream, signal, (error, cancelled) =>
            toEngineError(error, this.context('following the event stream', this.timeoutMs), cancelled),
        );
    }

    /**
     * Follows a container's log (`GET /containers/{id}/logs?follow=1`) from its last `tail` lines, handing
     * decoded text to `onOutput`, until the container stops (resolves) or `signal` ends it (rejects, cancelled).
     */
    async followLogs(
        nameOrId: string,
        options: { tail?: number; signal: AbortSignal; onOutput: (text: string, from: 'stdout' | 'stderr') => void },
    ): Promise<void> {
        const { signal, onOutput } = options;
        const details = await this.inspectContainer(nameOrId, signal);
        const stream = await this.openStream(
            `reading the log of container ${nameOrId}`,
            (docker, abortSignal) =>
                docker
                    .getContainer(nameOrId)
                    .logs({ follow: true, stdout: true, stderr: true, tail: options.tail ?? 'all', abortSignal }),
            signal,
        );
        const sink = (from: 'stdout' | 'stderr'): Writable => {
            const decoder = new StringDecoder('utf8');
            return new Writable({
                write(chunk: Buffer, _encoding, done) {
                    onOutput(decoder.write(chunk), from);
                    done();
                },
            });
        };
        if ((details.Config as { Tty?: boolean }).Tty === true) {
            stream.pipe(sink('stdout'));
        } else {
            (await this.dockerode()).modem.demuxStream(stream, sink('stdout'), sink('stderr'));
        }
        await followStream(stream, signal, (error, cancelled) =>
            toEngineError(error, this.context(`reading the log of container ${nameOrId}`, this.timeoutMs), cancelled),
        );
    }

    /** Runs a command in a running container; `timeoutMs` bounds the whole run (default: the request limit). */
    exec(
        containerId: string,
        command: readonly string[],
        options: ExecOptions & { signal?: AbortSignal; timeoutMs?: number } = {},
    ): Promise<CommandResult> {
        const { signal, timeoutMs, ...execOptions } = options;
        return this.call(
            `running a command in container ${containerId}`,
            (docker, abortSignal) => execInContainer(docker, containerId, command, abortSignal, execOptions),
            signal,
            timeoutMs,
        );
    }

    /**
     * Creates a throwaway container from an image (see ThrowawayContainer), lends it to `use`, and removes it
     * afterwards — after success, error, timeout or cancellation alike.
     */
    async withThrowawayContainer<T>(
        image: string,
        spec: ThrowawaySpec,
        use: (container: ThrowawayContainer) => Promise<T>,
        signal?: AbortSignal,
    ): Promise<T> {
        const call = this.call.bind(this);
        const name = throwawayName(spec.purpose);
        const imageName = spec.imageName ?? image;
        let id: string;
        try {
            // Not cancellable on purpose: a create cut off mid-flight could leave a container behind unseen.
            id = (
                await this.call(`creating a throwaway container from ${imageName}`, (docker, abortSignal) =>
                    createThrowaway(docker, image, name, spec, abortSignal),
                )
            ).id;
        } catch (error) {
            await removeThrowaway(call, name).catch(() => undefined);
            throw error;
        }
        let result: T;
        try {
            if (signal?.aborted) {
                throw toEngineError(
                    signal.reason,
                    this.context(`creating a throwaway container from ${imageName}`, this.timeoutMs),
                    true,
                );
            }
            result = await use(new ThrowawayContainer(id, imageName, call));
        } catch (error) {
            // The first failure is the one to report; a failed clean-up after it only goes to the log.
            await removeThrowaway(call, id).catch((cleanup: unknown) =>
                this.options.log.warn(
                    `could not remove throwaway container ${id}: ${cleanup instanceof Error ? cleanup.message : String(cleanup)}`,
                ),
            );
            throw error;
        }
        await removeThrowaway(call, id);
        return result;
    }

    /**
     * What the build runner (src/engine/build/buildImage) needs from this client: the lazily loaded dockerode,
     * bounded requests and the same error mapping. The runner itself is loaded only by code that builds.
     */
    buildDeps(): BuildDeps {
        return {
            address: this.address,
            log: this.options.log,
            dockerode: () => this.dockerode(),
            call: this.call.bind(this),
            toEngineError: (error, operation, timeoutMs, cancelled) =>
                toEngineError(error, this.context(operation, timeoutMs), cancelled),
            requestTimeoutMs: this.timeoutMs,
        };
    }

    /**
     * What the sandbox runner (src/engine/sandbox) needs: the same as a build, plus whether the engine is on
     * this machine (its cgroup files can then be read). The runner is loaded only by code that runs sandboxes.
     */
    sandboxDeps(): SandboxDeps {
        return { ...this.buildDeps(), local: this.selection.address.kind === 'unix' };
    }

    /** Reads files from any container, running or not, through the archive API (no shell needed). */
    containerFiles(containerId: string, label = containerId): ContainerFiles {
        return new ContainerFiles(containerId, label, this.call.bind(this));
    }

    /**
     * Opens a long-lived response within the request limit. The request gets a signal of its own that only
     * the caller's signal (or a failed opening) aborts: the deadline must not cut the stream once it flows.
     */
    private async openStream(
        operation: string,
        open: (docker: Dockerode, signal: AbortSignal) => Promise<NodeJS.ReadableStream>,
        signal: AbortSignal,
    ): Promise<NodeJS.ReadableStream> {
        const request = new AbortController();
        const forward = (): void => request.abort(signal.reason);
        signal.addEventListener('abort', forward, { once: true });
        try {
            const stream = await this.call(operation, (docker) => open(docker, request.signal), signal);
            stream.once('close', () => signal.removeEventListener('abort', forward));
            return stream;
        } catch (error) {
            signal.removeEventListener('abort', forward);
            request.abort();
            throw error;
        }
    }

    private async call<T>(
        operation: string,
        run: (docker: Dockerode, signal: AbortSignal) => Promise<T>,
        signal?: AbortSignal,
        timeoutMs?: number,
    ): Promise<T> {
        return (await this.timedCall(operation, run, signal, timeoutMs)).value;
    }

    private context(operation: string, timeoutMs: number): CallContext {
        return {
            address: this.address,
            source: this.selection.source,
            operation,
            timeoutMs,
            ...this.transport,
            rejectedHostKey: () => this.rejectedHostKey,
        };
    }

    /** Runs one request with the deadline and the caller's signal; logs it at debug level with its round trip. */
    private async timedCall<T>(
        operation: string,
        run: (docker: Dockerode, signal: AbortSignal) => Promise<T>,
        signal?: AbortSignal,
        timeoutMs = this.timeoutMs,
    ): Promise<{ value: T; ms: number }> {
        const context = this.context(operation, timeoutMs);
        let started = performance.now();
        try {
            const docker = await this.dockerode();
            const deadline = AbortSignal.timeout(timeoutMs);
            const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
            started = performance.now();
            this.options.log.debug(`docker → ${operation} (${this.address})`);
            const value = await raceAbort(run(docker, combined), combined);
            const ms = Math.round(performance.now() - started);
            this.options.log.debug(`docker ← ${operation} ${ms} ms`);
            return { value, ms };
        } catch (error) {
            let mapped = toEngineError(error, context, signal?.aborted === true);
            if (mapped.kind === 'api' && mentionsDiskFull([mapped.message])) {
                // Where the space ran out is worth one more question to the engine.
                const dataRoot = await engineDataRoot(this.call.bind(this));
                mapped = toEngineError(error, { ...context, ...(dataRoot ? { dataRoot } : {}) }, false);
            }
            this.options.log.debug(
                `docker ✗ ${operation} ${Math.round(performance.now() - started)} ms: ${mapped.message}`,
            );
            throw mapped;
        }
    }

    private dockerode(): Promise<Dockerode> {
        this.docker ??= (async () => {
            try {
                return await createDockerode(
                    dockerodeOptions(
                        this.selection,
                        this.options.env ?? process.env,
                        (problem) => {
                            this.rejectedHostKey = problem;
                        },
                        this.timeoutMs,
                    ),
                );
            } catch (error) {
                this.docker = undefined;
                throw new EngineError(
                    'config',
                    `Cannot set up a connection to ${this.address}: ${error instanceof Error ? error.message : String(error)}`,
                    this.address,
                    undefined,
                    { cause: error },
                );
            }
        })();
        return this.docker;
    }
}

/**
 * The engine's own words in a failed request: its JSON `message`, or — for a streaming request, whose body
 * docker-modem folds into its error — the text after "(HTTP code N) reason - ".
 */
function engineDetail(cause: unknown): string | undefined {
    const error = cause as { json?: { message?: unknown } | null; message?: unknown } | null | undefined;
    if (typeof error?.json?.message === 'string') {
        return error.json.message;
    }
    const folded =
        typeof error?.message === 'string'
            ? /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(error.message)?.[1]?.trim()
            : undefined;
    return folded || undefined;
}

/** `fromImage` and `tag` of a pull: the repository, and the tag (`latest` when none) or the digest. */
function pullSource(ref: string): { repository: string; version: string } {
    const parts = splitImageReference(ref);
    return { repository: repositoryOf(parts), version: parts.digest ?? parts.tag ?? 'latest' };
}

/** For a call whose "failure" with this status means it was done already, e.g. stopping a stopped container. */
function alreadyDone(statusCode: number): (error: unknown) => undefined {
    return (error) => {
        if ((error as { statusCode?: unknown } | null)?.statusCode === statusCode) {
            return undefined;
        }
        throw error;
    };
}

/** docker-modem honours the signal for most calls; racing it as well guarantees no call outlives its deadline. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) {
        // The call already started: its own rejection (it got the same aborted signal) is expected, not unhandled.
        promise.catch(() => undefined);
        return Promise.reject(signal.reason as Error);
    }
    return new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(signal.reason as Error);
        signal.addEventListener('abort', onAbort, { once: true });
        void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}

/** The fields of `GET /info` we read; @types/dockerode lags behind the API. */
interface DockerInfo {
    OSType?: string;
    Architecture?: string;
    OperatingSystem?: string;
    KernelVersion?: string;
    Driver?: string;
    CgroupVersion?: string;
    NCPU?: number;
    MemTotal?: number;
    Swarm?: { LocalNodeState?: string; NodeID?: string; ControlAvailable?: boolean };
}
