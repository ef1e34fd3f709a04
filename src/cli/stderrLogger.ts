import type { Logger } from '../core/Logger';

/** Logs to stderr so stdout stays machine-readable; debug and trace only with --verbose. */
export function stderrLogger(
    verbose: boolean,
    write: (text: string) => void = (text) => process.stderr.write(text),
): Logger {
    const emit =
        (level: string) =>
        (message: string | Error, ...args: unknown[]): void => {
            const text =
                message instanceof Error ? (verbose ? (message.stack ?? message.message) : message.message) : message;
            const extra =
                args.length > 0
                    ? ` ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`
                    : '';
            write(`[${level}] ${text}${extra}\n`);
        };
    const quiet = (): void => undefined;
    return {
        trace: verbose ? emit('trace') : quiet,
        debug: verbose ? emit('debug') : quiet,
        info: emit('info'),
        warn: emit('warn'),
        error: emit('error'),
    };
}
