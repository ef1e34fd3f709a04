import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    PARITY_DOCUMENT_SELECTOR,
    PARITY_FINDINGS,
    PIN_CODES,
    PARITY_LOG,
    PARITY_SNAPSHOT,
    type ParityFindingsParams,
    type ParityLogParams,
    type ParitySnapshotParams,
} from '../core/lsp/parityProtocol';
import { SERVER_EXEC_ARGV } from '../core/lsp/SERVER_EXEC_ARGV';
import { serverEnv } from '../core/lsp/serverEnv';
import type { Log } from './createLog';
import type { DiffRun, LastDiff } from './diff/LastDiff';
import type { FindingDiagnostics } from './FindingDiagnostics';
import type { LocalSnapshots } from './LocalSnapshots';

type Notification =
    | readonly [typeof PARITY_FINDINGS, ParityFindingsParams]
    | readonly [typeof PARITY_SNAPSHOT, ParitySnapshotParams];

/** What the server learns from a diff: the report, this machine's side as local, the other side as the target. */
function notificationsOf(run: DiffRun): Notification[] {
    const { from, to } = run.snapshots;
    return [
        [PARITY_FINDINGS, { report: run.report }],
        ...(from.meta.source.kind === 'host' ? [[PARITY_SNAPSHOT, { role: 'local', snapshot: from }] as const] : []),
        ...(to.meta.source.kind === 'host' ? [] : [[PARITY_SNAPSHOT, { role: 'target', snapshot: to }] as const]),
    ];
}

const SELECTOR: vscode.DocumentFilter[] = PARITY_DOCUMENT_SELECTOR.map((filter) => ({ ...filter }));

/** The files whose change the server must see at once: its inputs when the extension has sent nothing. */
const WATCHED = ['**/.parity/{local.snapshot.json,last-diff.json,config.json}', '**/.dockerignore'];

/**
 * Starts the Parity language server the first time a Dockerfile or a pin file is open — not at activation —
 * and owns it. vscode-languageclient is loaded only then. The server gets the last diff's report as it
 * happens (its quick fixes and diagnostics point into the same files), and its log lines land in Parity's
 * log; a crash is said, and the client restarts the server.
 */
export class DockerfileLanguageClient implements vscode.Disposable {
    private client: Promise<LanguageClient> | undefined;
    private readonly subscriptions: vscode.Disposable[];

    constructor(
        private readonly serverModule: string,
        private readonly log: Log,
        private readonly lastDiff: LastDiff,
        localSnapshots: LocalSnapshots,
        private readonly snapshotProblems: FindingDiagnostics,
    ) {
        this.subscriptions = [
            vscode.workspace.onDidOpenTextDocument((document) => this.startFor(document)),
            lastDiff.onDidChange((run) => void this.send(notificationsOf(run))),
            // Sent as well as saved: the server need not wait for a file watcher to see the new snapshot.
            localSnapshots.onDidTake(
                ({ folder, snapshot }) =>
                    void this.send([[PARITY_SNAPSHOT, { role: 'local', snapshot, projectRoot: folder.toString() }]]),
            ),
        ];
        for (const document of vscode.workspace.textDocuments) {
            this.startFor(document);
        }
    }

    private startFor(document: vscode.TextDocument): void {
        if (this.client || !vscode.languages.match(SELECTOR, document)) {
            return;
        }
        this.client = this.start();
        this.client.catch((error: unknown) => {
            this.log.error(error instanceof Error ? error : String(error));
            this.client = undefined;
        });
    }

    private async start(): Promise<LanguageClient> {
        const started = performance.now();
        const { LanguageClient, TransportKind, CloseAction, ErrorAction, State } = await import(
            'vscode-languageclient/node'
        );
        // vscode-languageclient adds `env` to the extension host's own environment.
        const env = serverEnv(process.env.GLIBC_TUNABLES);
        const module = {
            module: this.serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: [...SERVER_EXEC_ARGV], env },
        };
        const watchers = WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
        this.subscriptions.push(...watchers);
        const log = this.log;
        let crashes = 0;
        const client = new LanguageClient(
            'parity',
            'Parity Language Server',
            {
                run: module,
                debug: { ...module, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env } },
            },
            {
                documentSelector: PARITY_DOCUMENT_SELECTOR.map((filter) => ({ ...filter })),
                outputChannelName: 'Parity Language Server',
                synchronize: { fileEvents: watchers },
                middleware: {
                    // A pin file's local mismatch is already in Problems from the snapshot: show it once.
                    handleDiagnostics: (uri, diagnostics, next) =>
                        next(
                            uri,
                            diagnostics.filter(
                                (diagnostic) =>
                                    !(
                                        diagnostic.code === PIN_CODES.local &&
                                        this.snapshotProblems.shows(
                                            uri,
                                            diagnostic.range.start.line,
                                            diagnostic.message,
                                        )
                                    ),
                            ),
                        ),
                },
                errorHandler: {
                    error: () => ({ action: ErrorAction.Continue }),
                    closed: () => {
                        // The server died: say so, and start it again unless it keeps dying.
                        crashes += 1;
                        const again = crashes <= 3;
                        log.error(
                            `The Parity language server stopped${again ? '; starting it again' : ' three times; it stays off until the window reloads'}.`,
                        );
                        void vscode.window.showWarningMessage(
                            vscode.l10n.t(
                                again
                                    ? 'Parity: the language server stopped and was restarted.'
                                    : 'Parity: the language server keeps stopping; it stays off until the window reloads.',
                            ),
                        );
                        return { action: again ? CloseAction.Restart : CloseAction.DoNotRestart };
                    },
                },
            },
        );
        client.onNotification(PARITY_LOG, ({ level, message }: ParityLogParams) => {
            this.log[level === 'warning' ? 'warn' : level](`language server: ${message}`);
        });
        // A restarted server knows only the saved files: it is told the last diff again, as the first one was.
        let runs = 0;
        client.onDidChangeState(({ newState }) => {
            if (newState === State.Running && ++runs > 1) {
                log.info('Language server started again');
                void this.sendLastDiff(client);
            }
        });
        await client.start();
        this.log.info(`Language server started in ${Math.round(performance.now() - started)} ms`);
        await this.sendLastDiff(client);
        return client;
    }

    private async sendLastDiff(client: LanguageClient): Promise<void> {
        const last = this.lastDiff.current;
        if (last) {
            await Promise.all(
                notificationsOf(last).map(([method, params]) => client.sendNotification(method, params)),
            ).catch((error: unknown) =>
                this.log.warn(`language server: the last diff was not delivered (${String(error)})`),
            );
        }
    }

    /** Notifications for a running server; before it starts there is nothing to tell (it reads the saved files). */
    private async send(notifications: readonly Notification[]): Promise<void> {
        const client = await this.client?.catch(() => undefined);
        for (const [method, params] of client ? notifications : []) {
            await client
                ?.sendNotification(method, params)
                .catch((error: unknown) =>
                    this.log.warn(`language server: ${method} was not delivered (${String(error)})`),
                );
        }
    }

    async dispose(): Promise<void> {
        for (const subscription of this.subscriptions) {
            subscription.dispose();
        }
        const client = await this.client?.catch(() => undefined);
        await client?.stop();
    }
}
