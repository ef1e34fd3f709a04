import { EngineError } from './EngineError';

/** How long a progress stream (a pull) may stay silent before the engine counts as stalled. */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 120_000;

export interface StreamIdleDeadline {
    /** Aborts when the stream has sent nothing for the limit. */
    readonly signal: AbortSignal;
    /** The error to report once `signal` aborted. */
    readonly error: EngineError;
    stop(): void;
}

/**
 * A deadline that each chunk of `stream` pushes back: an engine that stops sending mid-stream (hung, or a
 * connection that went quiet without closing) fails the call instead of hanging it. Only for streams that
 * always have something to say while the work goes on — a pull's progress — never for events or logs,
 * which may be silent for hours.
 */
export function streamIdleDeadline(
    stream: NodeJS.ReadableStream,
    limitMs: number,
    address: string,
    operation: string,
): StreamIdleDeadline {
    const controller = new AbortController();
    const error = new EngineError(
        'timeout',
        `Docker at ${address} stopped sending while ${operation}: nothing arrived for ${limitMs % 1000 === 0 ? limitMs / 1000 : (limitMs / 1000).toFixed(1)} s, so it was abandoned. Is the engine hung or overloaded? Try again once it answers.`,
        address,
    );
    let timer = setTimeout(() => controller.abort(error), limitMs);
    const onData = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(error), limitMs);
    };
    stream.on('data', onData);
    return {
        signal: controller.signal,
        error,
        stop: () => {
            clearTimeout(timer);
            stream.removeListener('data', onData);
        },
    };
}
