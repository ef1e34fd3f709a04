import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { BuildProgress, BuildStreamMessage } from '../../core/build/BuildProgress';
import type { Dockerode } from '../Dockerode';
import type { BuildDeps, BuildImageOptions, Builder } from './buildImage';

/** What `POST /build` is asked, as query parameters (docker-modem sends objects as JSON). */
export function buildQuery(
    input: BuildImageOptions & { dockerfile: string; builder: Builder; buildId: string; sessionId: string | undefined },
): Record<string, unknown> {
    return {
        dockerfile: input.dockerfile,
        version: input.builder === 'buildkit' ? '2' : '1',
        ...(input.sessionId === undefined ? {} : { session: input.sessionId, buildid: input.buildId }),
        ...(input.labels && Object.keys(input.labels).length > 0 ? { labels: input.labels } : {}),
        ...(input.buildArgs && Object.keys(input.buildArgs).length > 0 ? { buildargs: input.buildArgs } : {}),
        ...(input.target ? { target: input.target } : {}),
        ...(input.pull ? { pull: true } : {}),
        ...(input.noCache ? { nocache: true } : {}),
        // The classic builder leaves a failed step's container behind unless told otherwise.
        rm: true,
        forcerm: true,
    };
}

/** Sends the context and resolves with the response stream once the engine answers; refusals reject with statusCode set. */
export function dialBuild(
    docker: Dockerode,
    query: Record<string, unknown>,
    body: Readable,
    signal: AbortSignal,
): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
        docker.modem.dial(
            {
                path: '/build?',
                method: 'POST',
                options: query,
                file: body,
                isStream: true,
                abortSignal: signal,
                statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
            },
            (error, result) => (error ? reject(brokenOrAsIs(error)) : resolve(result as IncomingMessage)),
        );
    });
}

/**
 * The request went out and the connection broke before the answer (the engine died while it read the context
 * or started the build): that is a build cut off, not an engine that was never there.
 */
function brokenOrAsIs(error: Error): Error {
    const code = (error as { code?: unknown }).code;
    return code === 'EPIPE' || code === 'ECONNRESET' ? new StreamBroken(error) : error;
}

/** Feeds the newline-separated JSON messages to the progress; a connection that breaks is StreamBroken. */
export async function readStream(
    response: IncomingMessage,
    progress: BuildProgress,
    signal: AbortSignal,
): Promise<void> {
    let pending = '';
    const feed = (line: string): void => {
        if (line.trim() === '') {
            return;
        }
        let message: BuildStreamMessage;
        try {
            message = JSON.parse(line) as BuildStreamMessage;
        } catch {
            return;
        }
        progress.accept(message);
    };
    try {
        for await (const chunk of response as AsyncIterable<Buffer>) {
            const lines = (pending + chunk.toString('utf8')).split('\n');
            pending = lines.pop() ?? '';
            lines.forEach(feed);
        }
    } catch (error) {
        signal.throwIfAborted();
        throw new StreamBroken(error);
    }
    if (!response.complete) {
        signal.throwIfAborted();
        throw new StreamBroken(new Error('the response ended early'));
    }
    feed(pending);
}

export class StreamBroken extends Error {
    readonly code: string;
    constructor(cause: unknown) {
        super('the build stream broke', { cause });
        this.code =
            (cause as { code?: string } | undefined)?.code ??
            (cause instanceof Error ? cause.message : 'connection lost');
    }
}

/** The engine's own message when it answered the build request with an error status. */
export function refusal(error: unknown): string | undefined {
    const err = error as { statusCode?: unknown; message?: unknown; json?: { message?: unknown } | null } | undefined;
    if (typeof err?.statusCode !== 'number' || err.statusCode < 400) {
        return undefined;
    }
    if (typeof err.json?.message === 'string') {
        return err.json.message;
    }
    const message = typeof err.message === 'string' ? err.message : '';
    return (/^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(message)?.[1] ?? message).trim();
}

/** Asks BuildKit to stop a build whose connection we dropped (the engine notices the drop too; this is quicker). */
export async function cancelBuild(deps: BuildDeps, buildId: string): Promise<void> {
    try {
        const docker = await deps.dockerode();
        await new Promise<void>((resolve, reject) => {
            docker.modem.dial(
                {
                    path: '/build/cancel?',
                    method: 'POST',
                    options: { id: buildId },
                    abortSignal: AbortSignal.timeout(3000),
                    statusCodes: { 200: true },
                },
                (error) => (error ? reject(error) : resolve()),
            );
        });
        deps.log.debug(`docker ← build ${buildId} cancelled`);
    } catch (error) {
        deps.log.debug(
            `docker ✗ cancelling build ${buildId}: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
}
