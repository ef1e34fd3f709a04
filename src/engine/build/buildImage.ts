import { randomUUID } from 'node:crypto';
import { BuildError } from '../../core/build/BuildError';
import type { BuildEvent, BuildEventListener } from '../../core/build/BuildEvent';
import { buildFailure } from '../../core/build/buildFailure';
import { mentionsDiskFull } from '../../core/build/diskFull';
import { BuildkitProgress } from '../../core/build/BuildkitProgress';
import type { BuildProgress } from '../../core/build/BuildProgress';
import { ClassicProgress } from '../../core/build/ClassicProgress';
import { locateBuildStep } from '../../core/build/locateBuildStep';
import { parseDockerfile } from '../../core/build/parseDockerfile';
import { supportsBuildKit } from '../../core/buildkitSupport';
import type { Logger } from '../../core/Logger';
import type { EngineCall } from '../ContainerFiles';
import type { Dockerode } from '../Dockerode';
import { engineDataRoot } from '../engineDataRoot';
import { EngineError } from '../EngineError';
import type { BuildContext } from './buildContext';
import { type BuildSession, openBuildSession } from './BuildSession';
import { buildQuery, cancelBuild, dialBuild, readStream, refusal, StreamBroken } from './buildRequest';
import { loadBuildkitStatusDecoder } from './buildkitStatusDecoder';

/** A build may take long (npm ci, apt-get, compiling); it is bounded by cancellation and this. */
export const DEFAULT_BUILD_TIMEOUT_MS = 60 * 60 * 1000;
/** The engine health-checks a BuildKit session every second or few; this long without one means it is gone. */
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;

export type Builder = 'buildkit' | 'classic';

export interface BuildImageOptions {
    /** The packed folder (see createBuildContext); it names the Dockerfile. */
    readonly context: BuildContext;
    /** The image name to give the result, e.g. `parity/shop:dev`; applied only after the whole build succeeded. */
    readonly tag: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly buildArgs?: Readonly<Record<string, string>>;
    /** BuildKit secrets by id, served from this process for `RUN --mount=type=secret,id=…,required=true`. */
    readonly secrets?: Readonly<Record<string, Buffer>>;
    /** The stage to build (`--target`). */
    readonly target?: string;
    /** Always look for newer base images (`--pull`); off by default, so local images are used as they are. */
    readonly pull?: boolean;
    readonly noCache?: boolean;
    /** Default: BuildKit when the engine has it (Linux, API ≥ 1.39), else the classic builder. */
    readonly builder?: Builder;
    readonly signal?: AbortSignal;
    readonly onEvent?: BuildEventListener;
    /** Limit for the whole build (default one hour). */
    readonly timeoutMs?: number;
    /**
     * BuildKit only: how long the engine may stay silent — no health check on the session — before the build
     * is given up as "engine gone" (default one minute). A frozen engine then fails the build instead of
     * hanging it until the overall limit.
     */
    readonly stallTimeoutMs?: number;
}

export interface BuildResult {
    readonly imageId: string;
    readonly tag: string;
    readonly builder: Builder;
    readonly durationMs: number;
    readonly warnings: readonly string[];
}

/** What the runner needs from EngineClient: the connection, bounded requests, error mapping. */
export interface BuildDeps {
    readonly address: string;
    readonly log: Logger;
    readonly dockerode: () => Promise<Dockerode>;
    readonly call: EngineCall;
    readonly toEngineError: (error: unknown, operation: string, timeoutMs: number, cancelled: boolean) => EngineError;
    readonly requestTimeoutMs: number;
}

/**
 * Builds an image. With BuildKit the runner opens its own session (serving the secrets, anonymous registry
 * auth and health) and streams `/build?version=2&session=…` itself; otherwise the classic builder runs.
 * Either way the same BuildEvents arrive, the image is built untagged and tagged only once the stream
 * reported success, and every way of failing ends in one error: BuildError for the build's own failures
 * (with step, Dockerfile line and log tail), EngineError when cancelled, timed out, or the engine went away.
 */
export async function buildImage(deps: BuildDeps, options: BuildImageOptions): Promise<BuildResult> {
    const started = performance.now();
    const { context, tag } = options;
    const log = deps.log;
    const reference = splitTag(tag);
    const secrets = new Map(Object.entries(options.secrets ?? {}));
    const builder = options.builder ?? (await detectBuilder(deps, options.signal));
    if (builder === 'classic' && secrets.size > 0) {
        throw new BuildError(
            'request',
            `The engine at ${deps.address} builds with the classic builder, which has no build secrets (${[...secrets.keys()].join(', ')}); give the build the files it needs in its context instead.`,
        );
    }

    const dockerfile = parseDockerfile((await context.readText(context.dockerfile)) ?? '');
    const buildArgs = options.buildArgs ?? {};
    const locate = (name: string): number | undefined => locateBuildStep(name, dockerfile, buildArgs)?.line;
    const emit = safeListener(options.onEvent, log);
    const progress: BuildProgress =
        builder === 'buildkit'
            ? new BuildkitProgress(emit, locate, await loadBuildkitStatusDecoder())
            : new ClassicProgress(emit, locate, Object.keys(options.labels ?? {}).length);
    const operation = `building ${tag}`;
    const overallMs = options.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;

    // One switch stops everything — upload, stream, session — for whichever reason comes first.
    const stop = new AbortController();
    const halt = (reason: EngineError): void => {
        if (!stop.signal.aborted) {
            stop.abort(reason);
        }
    };
    const onCancel = (): void => halt(deps.toEngineError(options.signal?.reason, operation, overallMs, true));
    if (options.signal?.aborted) {
        onCancel();
    }
    options.signal?.addEventListener('abort', onCancel, { once: true });
    const deadline = setTimeout(
        () =>
            halt(
                new EngineError(
                    'timeout',
                    `The build of ${tag} on ${deps.address} did not finish within ${Math.round(overallMs / 60_000)} min and was stopped.`,
                    deps.address,
                ),
            ),
        overallMs,
    );

    const buildId = randomUUID();
    let session: BuildSession | undefined;
    let watchdog: NodeJS.Timeout | undefined;
    let contextError: unknown;
    log.info(
        `building ${tag} with ${builder === 'buildkit' ? 'BuildKit' : 'the classic builder'} on ${deps.address}: context ${context.size} bytes, ${context.fileCount} files`,
    );
    try {
        const docker = await deps.dockerode();
        stop.signal.throwIfAborted();
        if (builder === 'buildkit') {
            session = await withTimeout(
                openBuildSession(docker, secrets, stop.signal, log),
                deps.requestTimeoutMs,
                () =>
                    halt(
                        deps.toEngineError(
                            new DOMException('The operation timed out.', 'TimeoutError'),
                            'opening a build session',
                            deps.requestTimeoutMs,
                            false,
                        ),
                    ),
            );
            log.debug(`docker ← build session ${session.id} open`);
            const live = session;
            const openedAt = Date.now();
            const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
            watchdog = setInterval(
                () => {
                    if (Date.now() - (live.lastHealthCheckAt() ?? openedAt) > stallMs) {
                        halt(
                            new EngineError(
                                'unreachable',
                                `Docker at ${deps.address} stopped answering during the build of ${tag} (no sign of life for ${Math.round(stallMs / 1000)} s); the build was abandoned and nothing was tagged.`,
                                deps.address,
                            ),
                        );
                    }
                },
                Math.min(5000, Math.max(250, stallMs / 4)),
            );
        }
        const body = context.open(stop.signal);
        body.once('error', (error) => {
            contextError = error;
        });
        const query = buildQuery({
            ...options,
            dockerfile: context.dockerfile,
            builder,
            buildId,
            sessionId: session?.id,
        });
        log.debug(
            `docker → POST /build ${JSON.stringify({ ...query, labels: undefined, buildargs: undefined })} (${deps.address})`,
        );
        const response = await dialBuild(docker, query, body, stop.signal);
        await readStream(response, progress, stop.signal);
    } catch (error) {
        throw failure(error);
    } finally {
        clearTimeout(deadline);
        clearInterval(watchdog);
        options.signal?.removeEventListener('abort', onCancel);
        session?.close();
        if (
            stop.signal.aborted &&
            builder === 'buildkit' &&
            (stop.signal.reason as EngineError | undefined)?.kind !== 'unreachable'
        ) {
            void cancelBuild(deps, buildId);
        }
    }

    const outcome = progress.finish();
    if (outcome.error !== undefined || outcome.imageId === undefined) {
        const full = mentionsDiskFull([outcome.failedStepError, outcome.error, ...outcome.logTail]);
        const dataRoot = full ? await engineDataRoot(deps.call) : undefined;
        throw buildFailure(outcome, {
            dockerfilePath: context.dockerfile,
            dockerfile,
            buildArgs,
            engineAddress: deps.address,
            ...(dataRoot === undefined ? {} : { dataRoot }),
        });
    }
    if (options.signal?.aborted) {
        throw deps.toEngineError(options.signal.reason, operation, overallMs, true);
    }
    const imageId = outcome.imageId;
    await deps.call(
        `tagging ${imageId.slice(0, 19)} as ${tag}`,
        (docker, signal) =>
            docker.getImage(imageId).tag({ repo: reference.repo, tag: reference.tag, abortSignal: signal }),
        options.signal,
    );
    const durationMs = Math.round(performance.now() - started);
    log.info(`built ${tag} (${imageId.slice(0, 19)}) in ${durationMs} ms`);
    return { imageId, tag, builder, durationMs, warnings: outcome.warnings };

    function failure(error: unknown): Error {
        if (stop.signal.aborted) {
            return stop.signal.reason as EngineError;
        }
        if (contextError instanceof BuildError) {
            return contextError;
        }
        if (error instanceof BuildError || error instanceof EngineError) {
            return error;
        }
        const refused = refusal(error);
        if (refused !== undefined) {
            // The engine refused the build before running it (the classic builder's parse errors come this way).
            return buildFailure(
                { error: refused, logTail: [], warnings: [] },
                { dockerfilePath: context.dockerfile, dockerfile, buildArgs, engineAddress: deps.address },
            );
        }
        if (error instanceof StreamBroken) {
            return new EngineError(
                'unreachable',
                `The connection to Docker at ${deps.address} broke during the build of ${tag} (${error.code}): the engine stopped, restarted or was cut off. Nothing was tagged.`,
                deps.address,
                undefined,
                { cause: error.cause },
            );
        }
        return deps.toEngineError(error, operation, overallMs, false);
    }
}

async function detectBuilder(deps: BuildDeps, signal: AbortSignal | undefined): Promise<Builder> {
    const version = await deps.call(
        'the version query',
        (docker, abortSignal) => docker.version({ abortSignal }),
        signal,
    );
    return supportsBuildKit(version.Os, version.ApiVersion) ? 'buildkit' : 'classic';
}

/** `registry:5000/team/app:1.2` → repo `registry:5000/team/app`, tag `1.2`; no tag means `latest`. */
export function splitTag(reference: string): { repo: string; tag: string } {
    const match =
        /^((?:[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?$/.exec(
            reference,
        );
    if (!match?.[1]) {
        throw new BuildError(
            'request',
            `"${reference}" is not a valid image name (lower-case name[:tag], e.g. parity/app:dev).`,
        );
    }
    return { repo: match[1], tag: match[2] ?? 'latest' };
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
    const timer = setTimeout(onTimeout, ms);
    return promise.finally(() => clearTimeout(timer));
}

/** A listener that throws must not break the build: its error goes to the log. */
function safeListener(listener: BuildEventListener | undefined, log: Logger): BuildEventListener {
    return (event: BuildEvent) => {
        try {
            listener?.(event);
        } catch (error) {
            log.warn(`a build event listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    };
}
