import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
    createMessageConnection,
    type MessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../src/server/startServer';

/** How long a test waits for a notification before it fails (instead of hanging). */
export const WAIT_MS = 5000;

/** Resolves with the promise's value, or rejects naming `what` when it does not come in time. */
export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface TestServer {
    readonly client: MessageConnection;
    /** The workspace folder (a temporary folder whose path has a space). */
    readonly root: string;
    /** Every parity/log line the server sent so far. */
    readonly logs: readonly { level: string; message: string }[];
    uri(relative: string): string;
    /** The next diagnostics published for `uri` (ones that came earlier first). */
    nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
    open(relative: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
    dispose(): void;
}

/** The server on one end of an in-memory pipe, a bare JSON-RPC client on the other — no VS Code needed. */
export async function startTestServer(prepare: (root: string) => void = () => undefined): Promise<TestServer> {
    const root = mkdtempSync(join(tmpdir(), 'parity lsp '));
    prepare(root);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const published: PublishDiagnosticsParams[] = [];
    const waiters: { uri: string; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        const waiter = waiters.find((candidate) => candidate.uri === params.uri);
        if (waiter) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(params);
        } else {
            published.push(params);
        }
    });
    const logs: { level: string; message: string }[] = [];
    client.onNotification('parity/log', (line: { level: string; message: string }) => {
        logs.push(line);
    });
    client.onNotification('window/logMessage', () => undefined);
    client.listen();
    const rootUri = pathToFileURL(root).toString();
    await client.sendRequest('initialize', {
        processId: null,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'w' }],
        capabilities: {},
        initializationOptions: { debounceMs: 0 },
    });
    await client.sendNotification('initialized', {});
    const uri = (relative: string): string => pathToFileURL(join(root, relative)).toString();
    const nextDiagnostics = (target: string): Promise<PublishDiagnosticsParams> => {
        const seen = published.find((params) => params.uri === target);
        if (seen) {
            published.splice(published.indexOf(seen), 1);
            return Promise.resolve(seen);
        }
        return within(new Promise((resolve) => waiters.push({ uri: target, resolve })), `diagnostics for ${target}`);
    };
    return {
        client,
        root,
        logs,
        uri,
        nextDiagnostics,
        async open(relative, text, languageId = 'dockerfile') {
            await client.sendNotification('textDocument/didOpen', {
                textDocument: { uri: uri(relative), languageId, version: 1, text },
            });
            return nextDiagnostics(uri(relative));
        },
        dispose() {
            client.dispose();
            toServer.destroy();
            toClient.destroy();
            rmSync(root, { recursive: true, force: true });
        },
    };
}
