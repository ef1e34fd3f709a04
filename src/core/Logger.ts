/**
 * The logging surface every layer receives from its front end. It matches the subset of
 * `vscode.LogOutputChannel` we use, so the extension passes its channel and the CLI a stderr logger.
 */
export interface Logger {
    trace(message: string, ...args: unknown[]): void;
    debug(message: string, ...args: unknown[]): void;
    info(message: string, ...args: unknown[]): void;
    warn(message: string, ...args: unknown[]): void;
    error(error: string | Error, ...args: unknown[]): void;
}

/** A logger that drops everything, for callers that have nowhere to log. */
export const silentLogger: Logger = {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
};
