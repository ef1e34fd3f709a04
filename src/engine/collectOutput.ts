import { Writable } from 'node:stream';
import type { Dockerode } from './Dockerode';

/** What a command printed, decoded once at the end so a multi-byte character split across frames survives. */
export interface CommandOutput {
    readonly stdout: string;
    readonly stderr: string;
    /** stdout went past the limit and the rest was dropped. */
    readonly truncated: boolean;
    /** The connection broke before the output ended (with `keepOnBreak`): why; what came before it is kept. */
    readonly cutOff?: string;
}

/** Enough for a probe that lists thousands of packages and a few CA bundles. */
export const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Reads a multiplexed attach/exec stream to its end, split into stdout and stderr with docker-modem's
 * demuxStream. Abort destroys the stream (which is what stops a hijacked connection) and rejects. A stream
 * that breaks (the connection reset) rejects too, unless `keepOnBreak`: then what arrived is the answer, with `cutOff`.
 */
export function collectOutput(
    docker: Dockerode,
    stream: NodeJS.ReadableStream,
    signal: AbortSignal,
    maxBytes = MAX_OUTPUT_BYTES,
    keepOnBreak = false,
): Promise<CommandOutput> {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let truncated = false;
    const sink = (chunks: Buffer[], isStdout: boolean): Writable =>
        new Writable({
            write(chunk: Buffer, _encoding, done) {
                const used = isStdout ? stdoutBytes : stderrBytes;
                const room = Math.max(0, maxBytes - used);
                if (chunk.length > room) {
                    truncated ||= isStdout;
                }
                if (room > 0) {
                    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
                    chunks.push(kept);
                    if (isStdout) {
                        stdoutBytes += kept.length;
                    } else {
                        stderrBytes += kept.length;
                    }
                }
                done();
            },
        });
    const destroy = (): void => {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    };
    return new Promise<CommandOutput>((resolve, reject) => {
        if (signal.aborted) {
            destroy();
            reject(signal.reason as Error);
            return;
        }
        let settled = false;
        const finish = (error?: Error, cutOff?: string): void => {
            if (settled) {
                return;
            }
            settled = true;
            signal.removeEventListener('abort', onAbort);
            if (error !== undefined) {
                reject(error);
            } else {
                resolve({
                    stdout: Buffer.concat(stdout).toString('utf8'),
                    stderr: Buffer.concat(stderr).toString('utf8'),
                    truncated,
                    ...(cutOff === undefined ? {} : { cutOff }),
                });
            }
        };
        const onAbort = (): void => {
            destroy();
            finish(signal.reason as Error);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        stream.on('end', () => {
            destroy();
            finish();
        });
        stream.on('close', () => finish());
        stream.on('error', (error: Error & { code?: string }) =>
            keepOnBreak && !signal.aborted ? finish(undefined, error.code ?? error.message) : finish(error),
        );
        docker.modem.demuxStream(stream, sink(stdout, true), sink(stderr, false));
    });
}
