import * as vscode from 'vscode';
import type { Logger } from '../core/Logger';

/** The extension's one log: a LogOutputChannel whose `error` always carries the stack. */
export interface Log extends Logger, vscode.Disposable {
    show(): void;
}

export function createLog(): Log {
    const channel = vscode.window.createOutputChannel('Parity', { log: true });
    return {
        trace: (message, ...args) => write(() => channel.trace(message, ...args)),
        debug: (message, ...args) => write(() => channel.debug(message, ...args)),
        info: (message, ...args) => write(() => channel.info(message, ...args)),
        warn: (message, ...args) => write(() => channel.warn(message, ...args)),
        error: (error, ...args) =>
            write(() => channel.error(error instanceof Error ? (error.stack ?? error.message) : error, ...args)),
        show: () => channel.show(true),
        dispose: () => channel.dispose(),
    };
}

/**
 * A log line never fails the work it describes: while the window closes, the extension host has already
 * closed the channel to the workbench ("Channel has been closed") as the sandboxes are still being stopped.
 */
function write(line: () => void): void {
    try {
        line();
    } catch {
        // Nowhere left to write to.
    }
}
