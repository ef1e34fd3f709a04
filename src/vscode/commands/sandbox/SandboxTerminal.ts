import * as vscode from 'vscode';
import type { BuildEvent } from '../../../core/build/BuildEvent';
import type { SandboxEvent } from '../../../core/sandbox/SandboxEvent';

const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/**
 * A terminal that shows one sandbox: Parity's own lines dimmed or coloured, the app's output as it comes.
 * Closing it stops the sandbox (the `onClose` callback), as closing a `docker run` terminal would.
 */
export class SandboxTerminal implements vscode.Pseudoterminal, vscode.Disposable {
    private readonly writer = new vscode.EventEmitter<string>();
    readonly onDidWrite = this.writer.event;
    private readonly closer = new vscode.EventEmitter<number | void>();
    readonly onDidClose = this.closer.event;
    private readonly pending: string[] = [];
    private opened = false;
    private ended = false;

    constructor(private readonly onClose: () => void) {}

    open(): void {
        this.opened = true;
        for (const text of this.pending.splice(0)) {
            this.writer.fire(text);
        }
    }

    close(): void {
        this.onClose();
    }

    /** Parity's own line. */
    note(text: string, colour: 'dim' | 'bold' | 'green' | 'yellow' | 'red' = 'dim'): void {
        const code = { dim: DIM, bold: BOLD, green: GREEN, yellow: YELLOW, red: RED }[colour];
        this.write(`${code}${text}${RESET}`);
    }

    build(event: BuildEvent): void {
        if (event.type === 'step-started' && !event.step.internal) {
            this.note(`=> ${event.step.name}`);
        } else if (event.type === 'step-failed') {
            this.note(`=> ${event.step.name}: ${event.error}`, 'red');
        } else if (event.type === 'log' && event.step && !event.step.internal) {
            this.note(`   ${event.text.trimEnd()}`);
        }
    }

    sandbox(event: SandboxEvent): void {
        switch (event.type) {
            case 'created':
                this.note(`Sandbox ${event.name} from ${event.image}`, 'bold');
                event.summary.forEach((line) => this.note(`  ${line}`));
                break;
            case 'log':
                this.write(event.stream === 'stderr' ? `${YELLOW}${event.line}${RESET}` : event.line);
                break;
            case 'ready':
                this.note(
                    `Ready at ${event.url} (${event.path} answered ${event.status} after ${event.ms} ms)`,
                    'green',
                );
                break;
            case 'limit-hit':
                this.note(`The app hit the limit of ${event.max} processes (${event.evidence}); stopping it.`, 'red');
                break;
            case 'exited':
                this.note(`The app ${event.reason}.`, event.stopped ? 'dim' : 'red');
                break;
            case 'removed':
                this.note(`Sandbox ${event.name} removed.`);
                break;
            case 'warning':
                this.note(event.message, 'yellow');
                break;
            case 'started':
            case 'stopping':
                break;
        }
    }

    /** Marks the end, once: the terminal stays open for reading until the user closes it. */
    finished(): void {
        if (!this.ended) {
            this.ended = true;
            this.note('[the sandbox has ended — close this terminal when done]');
        }
    }

    dispose(): void {
        this.writer.dispose();
        this.closer.dispose();
    }

    private write(line: string): void {
        const text = `${line.replace(/\r?\n/g, '\r\n')}\r\n`;
        if (this.opened) {
            this.writer.fire(text);
        } else {
            this.pending.push(text);
        }
    }
}
