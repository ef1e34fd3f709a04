import { setTimeout as delay } from 'node:timers/promises';
import { exitReason } from '../../core/sandbox/exitReason';
import { saysForkRefused } from '../../core/sandbox/pidsCgroup';
import { NOBODY, type SandboxPolicy } from '../../core/sandbox/sandboxPolicy';
import { SandboxError } from '../../core/sandbox/SandboxError';
import type { PidsEvidence, SandboxEvent, SandboxEventListener, SandboxExit } from '../../core/sandbox/SandboxEvent';
import type { Dockerode } from '../Dockerode';
import type { EngineClient } from '../EngineClient';
import { EngineError } from '../EngineError';
import type { ContainerDetails } from '../inspectTypes';
import { httpStatus, tcpOpen } from './httpProbe';
import { LineSink } from './LineSink';
import { type PidsHit, watchPidsLimit } from './pidsWatch';
import { removeContainer } from './removeContainer';
import type { SandboxDeps } from './SandboxDeps';
import { userResolvesToRoot } from './userResolvesToRoot';

/** How long a stop waits after SIGTERM before the engine sends SIGKILL. */
export const DEFAULT_STOP_GRACE_MS = 10_000;
export const DEFAULT_READY_TIMEOUT_MS = 60_000;
/** How many of the app's last lines an exit carries. */
const LAST_LINES = 20;
/** How long the process-limit watch gets to report a limit the app's output already speaks of. */
const FORK_REFUSED_GRACE_MS = 1500;

export interface StartSandboxOptions {
    /**
     * The sandbox's lifetime. Aborted before the start finished, the container is removed and the start
     * rejects with a cancelled EngineError; aborted later, the sandbox is stopped and removed.
     */
    readonly signal?: AbortSignal;
    readonly onEvent?: SandboxEventListener;
    /** SIGTERM, then SIGKILL after this long (default 10 s). */
    readonly stopGraceMs?: number;
    /** How often the process count is looked at (default 500 ms). */
    readonly pidsPollMs?: number;
}

export interface ReadyOptions {
    /** The path to GET; default `/healthz`, falling back to `/` when the app answers 404 there. */
    readonly path?: string;
    readonly timeoutMs?: number;
    /** How long to wait between two tries (default 100 ms). */
    readonly intervalMs?: number;
    readonly signal?: AbortSignal;
}

export interface SandboxReady {
    readonly url: string;
    readonly path: string;
    readonly status: number;
    /** From the start of the wait to the first answer. */
    readonly ms: number;
}

/**
 * Creates, attaches to and starts a sandbox container as `policy` describes it, and follows it: its output
 * as `log` events, its process limit, its end (with the reason in plain words) and its removal. Every
 * container it creates is removed again — after a failed or cancelled start, after the app ends, after
 * `stop()` — unless the caller `detach()`es from a running one on purpose.
 */
export async function startSandbox(
    client: EngineClient,
    policy: SandboxPolicy,
    options: StartSandboxOptions = {},
): Promise<Sandbox> {
    const deps = client.sandboxDeps();
    const emit = (event: SandboxEvent): void => {
        try {
            options.onEvent?.(event);
        } catch (error) {
            deps.log.warn(`a sandbox event listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    };
    const signal = options.signal;
    const what = `sandbox ${policy.name} from ${policy.image}`;
    // Not cancellable on purpose: a create cut off mid-flight could leave a container behind unseen.
    const create = async (user: string): Promise<string> =>
        (
            await deps.call(`creating ${what}`, (docker, s) =>
                docker.createContainer({ ...policy.create, User: user, name: policy.name, abortSignal: s }),
            )
        ).id;
    let id: string;
    try {
        id = await create(policy.create.User);
        if (await userResolvesToRoot(deps.call, id, policy.create.User, signal)) {
            await removeContainer(deps.call, id);
            emit({
                type: 'warning',
                message: `The image's user ${policy.create.User} is root (uid 0 in its /etc/passwd); the sandbox runs it as ${NOBODY} (nobody) instead.`,
            });
            id = await create(NOBODY);
        }
    } catch (error) {
        await removeContainer(deps.call, policy.name).catch(() => undefined);
        throw error;
    }
    emit({ type: 'created', id, name: policy.name, image: policy.image, summary: policy.summary });
    const follow = new AbortController();
    try {
        if (signal?.aborted) {
            throw deps.toEngineError(signal.reason, `starting ${what}`, deps.requestTimeoutMs, true);
        }
        const docker = await deps.dockerode();
        // Attached before the start, so not a line of output is missed; the stream lives as long as the container.
        const stream = await handshake(deps, `attaching to ${what}`, follow.signal, signal, (s) =>
            docker.getContainer(id).attach({ stream: true, stdout: true, stderr: true, abortSignal: s }),
        );
        await deps.call(`starting ${what}`, (d, s) => d.getContainer(id).start({ abortSignal: s }), signal);
        const details = (await deps.call(
            `inspecting ${what}`,
            (d, s) => d.getContainer(id).inspect({ abortSignal: s }),
            signal,
        )) as ContainerDetails;
        const sandbox = new Sandbox(
            deps,
            docker,
            id,
            policy,
            hostPortOf(details, policy.port),
            stream,
            follow,
            emit,
            options,
        );
        sandbox.follow(details.State.Pid ?? 0);
        return sandbox;
    } catch (error) {
        follow.abort();
        try {
            await removeContainer(deps.call, id);
            emit({ type: 'removed', id, name: policy.name });
        } catch (cleanup) {
            const message = `Could not remove ${what}: ${cleanup instanceof Error ? cleanup.message : String(cleanup)}. Remove it with \`parity clean\`.`;
            deps.log.warn(message);
            emit({ type: 'warning', message });
        }
        throw error instanceof EngineError
            ? error
            : deps.toEngineError(error, `starting ${what}`, deps.requestTimeoutMs, signal?.aborted === true);
    }
}

/** A running sandbox, as `startSandbox` returns it. */
export class Sandbox {
    /** The app's address on this machine (127.0.0.1 and the published port), null without one. */
    readonly url: string | null;
    /** Resolves once the app ended and its container is removed; null when the caller detached. */
    readonly exited: Promise<SandboxExit | null>;
    private resolveExited: (exit: SandboxExit | null) => void = () => undefined;
    private readonly lastLines: string[] = [];
    private stopWhy: 'requested' | 'cancelled' | 'pids-limit' | undefined;
    private pidsHit: PidsEvidence | undefined;
    private forkRefusedTimer: NodeJS.Timeout | undefined;
    private finished = false;
    private readonly sinks: LineSink[];
    private readonly onAbort = (): void => void this.stop('cancelled');

    constructor(
        private readonly deps: SandboxDeps,
        private readonly docker: Dockerode,
        readonly id: string,
        readonly policy: SandboxPolicy,
        readonly hostPort: number | null,
        private readonly stream: NodeJS.ReadableStream,
        private readonly followController: AbortController,
        private readonly emit: (event: SandboxEvent) => void,
        private readonly options: StartSandboxOptions,
    ) {
        this.url = hostPort === null ? null : `http://127.0.0.1:${hostPort}`;
        this.exited = new Promise((resolve) => {
            this.resolveExited = resolve;
        });
        const line =
            (stream: 'stdout' | 'stderr') =>
            (text: string): void => {
                this.lastLines.push(text);
                if (this.lastLines.length > LAST_LINES) {
                    this.lastLines.shift();
                }
                this.emit({ type: 'log', stream, line: text });
                if (this.pidsHit === undefined && this.forkRefusedTimer === undefined && saysForkRefused([text])) {
                    // The count can settle below the limit once a bomb burns out, where sampling never sees it:
                    // the app's own "can't fork" is then the evidence, unless the watch reports it meanwhile.
                    this.forkRefusedTimer = setTimeout(
                        () =>
                            this.limitHit({
                                current: this.policy.limits.pids.value,
                                max: this.policy.limits.pids.value,
                                evidence: 'app output',
                            }),
                        FORK_REFUSED_GRACE_MS,
                    );
                }
            };
        this.sinks = [new LineSink(line('stdout')), new LineSink(line('stderr'))];
    }

    get name(): string {
        return this.policy.name;
    }

    /** Started by startSandbox: output, process limit, end. */
    follow(pid: number): void {
        const [stdout, stderr] = this.sinks as [LineSink, LineSink];
        const streamDone = new Promise<void>((resolve) => {
            this.stream.once('end', resolve);
            this.stream.once('close', resolve);
            // A detach destroys the stream, which may error more than once: every error is expected here.
            this.stream.on('error', () => resolve());
        });
        this.docker.modem.demuxStream(this.stream, stdout, stderr);
        this.emit({ type: 'started', id: this.id, url: this.url });
        if (this.options.signal) {
            this.options.signal.addEventListener('abort', this.onAbort, { once: true });
            if (this.options.signal.aborted) {
                this.onAbort();
            }
        }
        const monitor = new AbortController();
        const follow = this.followController.signal;
        const watching = watchPidsLimit(
            this.deps,
            this.id,
            pid,
            this.policy.limits.pids.value,
            this.options.pidsPollMs ?? 500,
            AbortSignal.any([monitor.signal, follow]),
            (hit) => this.limitHit(hit),
        );
        const waited = this.docker
            .getContainer(this.id)
            .wait({ condition: 'not-running', abortSignal: follow })
            .then(
                (answer) => answer.StatusCode,
                (error: unknown) => {
                    if (!follow.aborted) {
                        this.deps.log.warn(
                            `lost the wait on sandbox ${this.name}: ${error instanceof Error ? error.message : String(error)}`,
                        );
                    }
                    return null;
                },
            );
        void waited.then(async (code) => {
            monitor.abort();
            if (follow.aborted) {
                return;
            }
            // The last output may still be on its way; it is worth a moment for the exit's last lines.
            await Promise.race([streamDone, delay(1000)]);
            await watching.catch(() => undefined);
            await this.finish(code);
        });
    }

    /**
     * Waits until the app answers HTTP on its published port (first a TCP connect, then a GET; any status
     * below 500 counts — the app is serving). Rejects with a SandboxError when the app ends first, has no
     * published port, or does not answer in time; the sandbox keeps running after a timeout.
     */
    async waitReady(options: ReadyOptions = {}): Promise<SandboxReady> {
        if (this.url === null || this.hostPort === null) {
            if (Object.keys(this.policy.create.HostConfig.PortBindings).length > 0) {
                // Published, yet no port to read after the start: the app ended at once and took its binding along.
                const timer = new AbortController();
                const exit = await Promise.race([
                    this.exited,
                    delay(options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS, undefined, { signal: timer.signal }).catch(
                        () => undefined,
                    ),
                ]);
                timer.abort();
                if (exit) {
                    throw new SandboxError('exited', `The app ${exit.reason} before it answered.`, exit);
                }
            }
            throw new SandboxError(
                'no-port',
                this.policy.network === 'none'
                    ? 'The sandbox has no network, so there is nothing to wait for.'
                    : 'No port is published for the app, so Parity cannot tell when it is ready. Give the port with --port.',
            );
        }
        const started = performance.now();
        const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
        const deadline = started + timeoutMs;
        let path = options.path ?? '/healthz';
        const fallback = options.path === undefined;
        let last = 'no answer yet';
        let ended: SandboxExit | null | undefined;
        void this.exited.then((exit) => {
            ended = exit;
        });
        while (performance.now() < deadline) {
            options.signal?.throwIfAborted();
            if (ended !== undefined || this.finished) {
                const exit = ended ?? (await this.exited);
                throw new SandboxError(
                    'exited',
                    `The app ${exit?.reason ?? 'ended'} before it answered on ${this.url}.`,
                    exit ?? undefined,
                );
            }
            const remaining = Math.max(1, deadline - performance.now());
            if (await tcpOpen('127.0.0.1', this.hostPort, Math.min(1000, remaining), options.signal)) {
                try {
                    const status = await httpStatus(`${this.url}${path}`, Math.min(2000, remaining), options.signal);
                    if (status === 404 && fallback && path !== '/') {
                        path = '/';
                        continue;
                    }
                    if (status > 0 && status < 500) {
                        const ready: SandboxReady = {
                            url: this.url,
                            path,
                            status,
                            ms: Math.round(performance.now() - started),
                        };
                        this.emit({ type: 'ready', ...ready });
                        return ready;
                    }
                    last = `HTTP ${status} on ${path}`;
                } catch (error) {
                    last = error instanceof Error ? error.message : String(error);
                }
            } else {
                last = 'the port does not accept connections';
            }
            await delay(options.intervalMs ?? 100, undefined, options.signal ? { signal: options.signal } : {});
        }
        throw new SandboxError(
            'not-ready',
            `The app did not answer on ${this.url}${path} within ${Math.round(timeoutMs / 1000)} s (last: ${last}).`,
            undefined,
            [...this.lastLines],
        );
    }

    /**
     * Stops the app — SIGTERM, SIGKILL after the grace period — and resolves once it is removed, with how
     * it ended. Safe to call more than once and after the app ended by itself.
     */
    async stop(
        why: 'requested' | 'cancelled' | 'pids-limit' = 'requested',
        graceMs = this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
    ): Promise<SandboxExit | null> {
        if (this.finished || this.followController.signal.aborted || this.stopWhy !== undefined) {
            return this.exited;
        }
        this.stopWhy = why;
        this.emit({ type: 'stopping', why });
        const seconds = Math.ceil(graceMs / 1000);
        try {
            await this.deps.call(
                `stopping sandbox ${this.name}`,
                (docker, s) => docker.getContainer(this.id).stop({ t: seconds, abortSignal: s }),
                undefined,
                seconds * 1000 + this.deps.requestTimeoutMs,
            );
        } catch (error) {
            // Already stopped (304) or already gone (404): the wait reports it either way.
            if (!(error instanceof EngineError && (error.statusCode === 304 || error.statusCode === 404))) {
                this.deps.log.warn(
                    `stopping sandbox ${this.name} failed (${error instanceof Error ? error.message : String(error)}); removing it by force`,
                );
                await removeContainer(this.deps.call, this.id).catch(() => undefined);
            }
        }
        return this.exited;
    }

    /** Stops following and leaves the container running (for `parity run --detach`); `exited` resolves null. */
    detach(): void {
        if (this.finished) {
            return;
        }
        this.finished = true;
        this.options.signal?.removeEventListener('abort', this.onAbort);
        this.followController.abort();
        this.resolveExited(null);
    }

    /** The process limit was reached: said once, and the app is stopped (a bomb would not end by itself). */
    private limitHit(hit: PidsHit): void {
        clearTimeout(this.forkRefusedTimer);
        if (this.pidsHit !== undefined || this.finished) {
            return;
        }
        this.pidsHit = hit.evidence;
        this.emit({ type: 'limit-hit', limit: 'pids', current: hit.current, max: hit.max, evidence: hit.evidence });
        void this.stop('pids-limit', 0);
    }

    private async finish(waitCode: number | null): Promise<void> {
        if (this.finished) {
            return;
        }
        this.finished = true;
        clearTimeout(this.forkRefusedTimer);
        this.options.signal?.removeEventListener('abort', this.onAbort);
        for (const sink of this.sinks) {
            sink.flush();
        }
        const details = await this.deps
            .call(`inspecting sandbox ${this.name}`, (docker, s) =>
                docker.getContainer(this.id).inspect({ abortSignal: s }),
            )
            .then(
                (answer) => answer as ContainerDetails,
                () => null,
            );
        this.followController.abort();
        const code = waitCode ?? details?.State.ExitCode ?? null;
        const oomKilled = details?.State.OOMKilled === true;
        const stopped = this.stopWhy === 'requested' || this.stopWhy === 'cancelled';
        // A burst can end the app between two looks at the count: a refused fork in its last words is the limit too.
        if (this.pidsHit === undefined && !stopped && code !== 0 && saysForkRefused(this.lastLines)) {
            this.pidsHit = 'app output';
        }
        const pidsLimitHit = this.pidsHit !== undefined;
        const exit: SandboxExit = {
            reason: exitReason({
                code,
                oomKilled,
                pidsLimitHit,
                stopped,
                memoryBytes: this.policy.limits.memoryBytes.value,
                pids: this.policy.limits.pids.value,
            }),
            code,
            oomKilled,
            pidsLimitHit,
            ...(this.pidsHit ? { pidsEvidence: this.pidsHit } : {}),
            stopped,
            lastLines: [...this.lastLines],
        };
        this.emit({ type: 'exited', ...exit });
        try {
            await removeContainer(this.deps.call, this.id);
            this.emit({ type: 'removed', id: this.id, name: this.name });
        } catch (error) {
            const message = `Could not remove sandbox ${this.name}: ${error instanceof Error ? error.message : String(error)}. Remove it with \`parity clean\`.`;
            this.deps.log.warn(message);
            this.emit({ type: 'warning', message });
        }
        this.resolveExited(exit);
    }
}

/** The published loopback port of the app's port, from the inspect after the start. */
function hostPortOf(details: ContainerDetails, port: number | null): number | null {
    if (port === null) {
        return null;
    }
    const binding =
        details.NetworkSettings?.Ports?.[`${port}/tcp`]?.find((entry) => entry.HostIp === '127.0.0.1') ?? null;
    const hostPort = binding === null ? Number.NaN : Number(binding.HostPort);
    return Number.isInteger(hostPort) && hostPort > 0 ? hostPort : null;
}

/**
 * A request whose answer is a long-lived stream: the deadline bounds only the handshake, `follow` the
 * stream's life, `signal` (the caller's) the handshake too.
 */
async function handshake<T>(
    deps: SandboxDeps,
    operation: string,
    follow: AbortSignal,
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
    const handshakeController = new AbortController();
    const timer = setTimeout(
        () => handshakeController.abort(new DOMException('handshake timed out', 'TimeoutError')),
        deps.requestTimeoutMs,
    );
    const onCallerAbort = (): void => handshakeController.abort(signal?.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
        return await run(AbortSignal.any([follow, handshakeController.signal]));
    } catch (error) {
        throw deps.toEngineError(
            handshakeController.signal.aborted ? handshakeController.signal.reason : error,
            operation,
            deps.requestTimeoutMs,
            signal?.aborted === true,
        );
    } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onCallerAbort);
    }
}
