import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer } from '../../src/server/startServer';

/** The server on one end of an in-memory pipe, a bare JSON-RPC client on the other — no VS Code needed. */
describe('Parity language server over an in-memory connection', () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    let client: MessageConnection;
    const published: PublishDiagnosticsParams[] = [];
    const waiters: ((params: PublishDiagnosticsParams) => void)[] = [];

    const nextDiagnostics = (uri: string): Promise<PublishDiagnosticsParams> => {
        const seen = published.find((params) => params.uri === uri);
        if (seen) {
            published.splice(published.indexOf(seen), 1);
            return Promise.resolve(seen);
        }
        return new Promise((resolve) => waiters.push((params) => params.uri === uri && resolve(params)));
    };

    before(async () => {
        startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
        client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
        client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            const waiter = waiters.shift();
            if (waiter) {
                waiter(params);
            } else {
                published.push(params);
            }
        });
        client.listen();
        const result = await client.sendRequest<{ capabilities: { textDocumentSync: number }; serverInfo: { name: string } }>('initialize', { processId: null, rootUri: null, capabilities: {} });
        assert.equal(result.serverInfo.name, 'parity');
        assert.equal(result.capabilities.textDocumentSync, 2);
        await client.sendNotification('initialized', {});
    });

    after(() => {
        client.dispose();
        toServer.destroy();
        toClient.destroy();
    });

    it('puts a warning on a floating base image, on the image reference itself', async () => {
        const uri = 'file:///work/app/Dockerfile';
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM node\nRUN echo hi\n' } });
        const { diagnostics } = await nextDiagnostics(uri);
        assert.equal(diagnostics.length, 1);
        assert.deepEqual(diagnostics[0]?.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
        assert.equal(diagnostics[0]?.severity, 2);
        assert.equal(diagnostics[0]?.code, 'unpinned-base-image');
        const message = diagnostics[0]?.message;
        assert.ok(typeof message === 'string' && /node has no tag/.test(message), `unexpected message ${JSON.stringify(message)}`);
    });

    it('clears the warning when the image is pinned, and on close', async () => {
        const uri = 'file:///work/app2/Dockerfile';
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM python:latest\n' } });
        assert.equal((await nextDiagnostics(uri)).diagnostics.length, 1);
        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } }, text: '3.12.1-slim-bookworm' }],
        });
        assert.deepEqual((await nextDiagnostics(uri)).diagnostics, []);
        await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
        assert.deepEqual((await nextDiagnostics(uri)).diagnostics, []);
    });
});
