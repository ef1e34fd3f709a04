import type { EngineError } from './EngineError';

/**
 * Waits for a long-lived response stream (events, followed logs) to end. The caller has attached its data
 * listeners already. Resolves when the engine ends the stream, rejects with `toError(error, cancelled)`
 * when it breaks or the signal aborts; an abort destroys the stream, which closes the connection.
 */
export function followStream(
    stream: NodeJS.ReadableStream,
    signal: AbortSignal,
    toError: (error: unknown, cancelled: boolean) => EngineError,
): Promise<void> {
    const destroy = (): void => {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    };
    return new Promise<void>((resolve, reject) => {
        let settled = false;
        const finish = (error?: unknown, cancelled = false): void => {
            if (settled) {
                return;
            }
            settled = true;
            signal.removeEventListener('abort', onAbort);
            if (error === undefined) {
                resolve();
            } else {
                destroy();
                reject(toError(error, cancelled));
            }
        };
        const onAbort = (): void => finish(signal.reason ?? new Error('aborted'), true);
        if (signal.aborted) {
            onAbort();
            return;
        }
        signal.addEventListener('abort', onAbort, { once: true });
        stream.on('end', () => finish());
        // A connection dropped mid-stream (the engine stopped) closes without an end; an abort also errors.
        stream.on('close', () => finish(signal.aborted ? signal.reason : undefined, signal.aborted));
        stream.on('error', (error: Error) => finish(error, signal.aborted));
    });
}
