import * as vscode from 'vscode';
import type { Logger } from '../../core/Logger';
import { isEngineError } from '../../engine/EngineError';
import type { EngineConnection } from '../EngineConnection';

interface LogSession {
    readonly terminal: vscode.Terminal;
    readonly stop: () => void;
    /** False once the log ended (the container stopped, Ctrl+C, an error): showing it again starts afresh. */
    following: boolean;
}

/**
 * Container logs followed in a terminal (a pseudoterminal fed by the engine's log stream, no docker CLI
 * needed): the last lines, then whatever the container prints until it stops or the terminal is closed.
 * One terminal per container: asking again shows it while it follows, or replaces it once it stopped.
 */
export class ContainerLogTerminals implements vscode.Disposable {
    private readonly sessions = new Map<string, LogSession>();

    constructor(
        private readonly engine: EngineConnection,
        private readonly log: Logger,
        private readonly tail = 1000,
    ) {}

    show(containerId: string, name: string): void {
        const open = this.sessions.get(containerId);
        if (open?.following) {
            open.terminal.show();
            return;
        }
        if (open) {
            open.stop();
            open.terminal.dispose();
        }
        const output = new vscode.EventEmitter<string>();
        const controller = new AbortController();
        const stop = (): void => {
            controller.abort();
            output.dispose();
            if (this.sessions.get(containerId) === session) {
                this.sessions.delete(containerId);
            }
        };
        const write = (text: string): void => output.fire(text.replace(/\r?\n/g, '\r\n'));
        const pty: vscode.Pseudoterminal = {
            onDidWrite: output.event,
            open: () =>
                void this.follow(containerId, name, controller.signal, write).finally(() => {
                    session.following = false;
                }),
            close: stop,
            handleInput: (data) => {
                // Ctrl+C stops following; the terminal keeps what it shows.
                if (data === '\x03') {
                    controller.abort();
                }
            },
        };
        const terminal = vscode.window.createTerminal({
            name: vscode.l10n.t('Logs: {0}', name),
            pty,
            iconPath: new vscode.ThemeIcon('output'),
            isTransient: true,
        });
        const session: LogSession = { terminal, stop, following: true };
        this.sessions.set(containerId, session);
        terminal.show();
    }

    dispose(): void {
        for (const session of [...this.sessions.values()]) {
            session.stop();
            session.terminal.dispose();
        }
    }

    private async follow(
        containerId: string,
        name: string,
        signal: AbortSignal,
        write: (text: string) => void,
    ): Promise<void> {
        try {
            const client = await this.engine.client();
            await client.followLogs(containerId, { tail: this.tail, signal, onOutput: (text) => write(text) });
            write(`\n\x1b[2m${vscode.l10n.t('— {0} is not running; the log ends here —', name)}\x1b[0m\n`);
        } catch (error) {
            if (isEngineError(error) && error.kind === 'cancelled') {
                write(`\n\x1b[2m${vscode.l10n.t('— stopped following —')}\x1b[0m\n`);
                return;
            }
            const message = error instanceof Error ? error.message : String(error);
            this.engine.reportFailure(error);
            this.log.error(error instanceof Error ? error : message);
            write(`\n\x1b[31m${message}\x1b[0m\n`);
            const showLog = vscode.l10n.t('Show Log');
            void vscode.window.showErrorMessage(message, showLog).then((choice) => {
                if (choice === showLog) {
                    void vscode.commands.executeCommand('parity.log.show');
                }
            });
        }
    }
}
