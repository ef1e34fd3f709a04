import * as vscode from 'vscode';
import type { Logger } from '../core/Logger';

/** The extension's one log: a LogOutputChannel whose `error` always carries the stack. */
export interface Log extends Logger, vscode.Disposable {
    show(): void;
}

export function createLog(): Log {
    const channel = vscode.window.createOutputChannel('Parity', { log: true });
    return {
        trace: (message, ...args) => channel.trace(message, ...args),
        debug: (message, ...args) => channel.debug(message, ...args),
        info: (message, ...args) => channel.info(message, ...args),
        warn: (message, ...args) => channel.warn(message, ...args),
        error: (error, ...args) => channel.error(error instanceof Error ? error.stack ?? error.message : error, ...args),
        show: () => channel.show(true),
        dispose: () => channel.dispose(),
    };
}
