import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { EngineClient } from '../../../engine/EngineClient';
import type { ShellSession } from '../../../engine/execShell';
import type { Log } from '../../createLog';

type Pipeline = typeof import('../../lazy/pipelineModule');

/**
 * A terminal whose other end is a shell in a container, opened through the Engine API (an exec with a TTY over
 * the hijacked connection): keystrokes go to the shell as they are typed, its output comes back as it is, and a
 * resized panel resizes the shell's TTY. The terminal closes with the shell (exit, or the container stopping);
 * closing the terminal ends the connection, and with it the shell.
 */
export class ContainerShell implements vscode.Pseudoterminal {
    private readonly written = new vscode.EventEmitter<string>();
    private readonly closed = new vscode.EventEmitter<number | void>();
    readonly onDidWrite = this.written.event;
    readonly onDidClose = this.closed.event;
    private session: ShellSession | undefined;
    /** Typed before the shell answered: sent once it does. */
    private pending = '';
    private size: vscode.TerminalDimensions | undefined;
    private ended = false;

    constructor(
        private readonly pipeline: Pipeline,
        private readonly client: EngineClient,
        private readonly container: { id: string; name: string },
        private readonly log: Log,
    ) {}

    open(dimensions: vscode.TerminalDimensions | undefined): void {
        this.size = dimensions;
        void this.start();
    }

    private async start(): Promise<void> {
        try {
            const session = await this.pipeline.execShell(this.client, this.container.id, {
                columns: this.size?.columns ?? 80,
                rows: this.size?.rows ?? 24,
            });
            if (this.ended) {
                session.stream.destroy();
                return;
            }
            this.session = session;
            const decoder = new StringDecoder('utf8');
            session.stream.on('data', (chunk: Buffer) => this.written.fire(decoder.write(chunk)));
            if (this.pending) {
                session.stream.write(this.pending);
                this.pending = '';
            }
            if (this.size) {
                void session.resize(this.size.columns, this.size.rows);
            }
            const code = await session.exited;
            this.log.info(
                `Attach Shell: the shell in ${this.container.name} ended${code === null ? '' : ` with ${code}`}`,
            );
            this.ended = true;
            this.closed.fire(code ?? undefined);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.log.error(`Attach Shell: ${message}`);
            this.written.fire(`\x1b[31m${message.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
        }
    }

    handleInput(data: string): void {
        if (this.session) {
            this.session.stream.write(data);
        } else {
            this.pending += data;
        }
    }

    setDimensions(dimensions: vscode.TerminalDimensions): void {
        this.size = dimensions;
        void this.session?.resize(dimensions.columns, dimensions.rows);
    }

    close(): void {
        this.ended = true;
        this.session?.stream.destroy();
        this.written.dispose();
        this.closed.dispose();
    }
}
