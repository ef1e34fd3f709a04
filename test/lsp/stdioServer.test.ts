import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    createMessageConnection,
    type MessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { within } from './lspHarness';

const repo = join(__dirname, '..', '..');

/** The bundled server (dist/server.js) as Neovim or Helix start it: `node dist/server.js --stdio`, spoken to in plain JSON-RPC. */
describe('standalone server over --stdio', () => {
    let server: ChildProcess;
    let client: MessageConnection;
    before(() => {
        execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'ignore' });
        server = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], {
            stdio: ['pipe', 'pipe', 'inherit'],
        });
        client = createMessageConnection(
            new StreamMessageReader(server.stdout!),
            new StreamMessageWriter(server.stdin!),
        );
        client.onNotification('parity/log', () => undefined);
        client.listen();
    });
    after(() => {
        client.dispose();
        server.kill();
    });

    it('initializes, publishes Parity diagnostics and shuts down', async () => {
        const result = await within(
            client.sendRequest<{ serverInfo: { name: string } }>('initialize', {
                processId: process.pid,
                rootUri: null,
                capabilities: {},
            }),
            'initialize result',
        );
        assert.equal(result.serverInfo.name, 'parity');
        await client.sendNotification('initialized', {});
        const diagnostics = within(
            new Promise<PublishDiagnosticsParams>((resolve) =>
                client.onNotification('textDocument/publishDiagnostics', resolve),
            ),
            'diagnostics',
        );
        await client.sendNotification('textDocument/didOpen', {
            textDocument: {
                uri: 'file:///nowhere/Dockerfile',
                languageId: 'dockerfile',
                version: 1,
                text: 'FROM node\n',
            },
        });
        const published = await diagnostics;
        assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code).sort(), [
            'parity.no-snapshot',
            'unpinned-base-image',
        ]);
        // Hover docs come from dockerfile-language-service, a bundle of its own (dist/dockerfileService.js) loaded on first use.
        const hover = await within(
            client.sendRequest<Hover | null>('textDocument/hover', {
                textDocument: { uri: 'file:///nowhere/Dockerfile' },
                position: { line: 0, character: 1 },
            }),
            'hover',
        );
        assert.match(JSON.stringify(hover?.contents), /Set the `baseImage` to use for subsequent instructions/);
        await within(client.sendRequest('shutdown'), 'shutdown reply');
        const exited = within(new Promise((resolve) => server.once('exit', resolve)), 'server exit');
        await client.sendNotification('exit');
        await exited;
    });
});

describe('standalone server copied without its sibling bundle', () => {
    it('checks and hovers as before, and says once that completion, hover docs and formatting are off', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'parity lsp alone '));
        // The bundle is built by the suite above; only server.js is copied, not dockerfileService.js.
        copyFileSync(join(repo, 'dist', 'server.js'), join(folder, 'server.js'));
        const server = spawn(process.execPath, [join(folder, 'server.js'), '--stdio'], {
            stdio: ['pipe', 'pipe', 'inherit'],
        });
        const client = createMessageConnection(
            new StreamMessageReader(server.stdout),
            new StreamMessageWriter(server.stdin),
        );
        const logs: string[] = [];
        client.onNotification('parity/log', ({ message }: { message: string }) => {
            logs.push(message);
        });
        client.listen();
        try {
            await within(
                client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }),
                'initialize result',
            );
            await client.sendNotification('initialized', {});
            const diagnostics = within(
                new Promise<PublishDiagnosticsParams>((resolve) =>
                    client.onNotification('textDocument/publishDiagnostics', resolve),
                ),
                'diagnostics',
            );
            const uri = 'file:///nowhere/Dockerfile';
            await client.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM node\n' },
            });
            assert.ok((await diagnostics).diagnostics.some((diagnostic) => diagnostic.code === 'unpinned-base-image'));
            for (let twice = 0; twice < 2; twice++) {
                const hover = await within(
                    client.sendRequest<Hover | null>('textDocument/hover', {
                        textDocument: { uri },
                        position: { line: 0, character: 1 },
                    }),
                    'hover',
                );
                assert.match(JSON.stringify(hover?.contents), /\*\*Parity\*\*/);
                assert.deepEqual(
                    await within(
                        client.sendRequest('textDocument/completion', {
                            textDocument: { uri },
                            position: { line: 1, character: 0 },
                        }),
                        'completion',
                    ),
                    [],
                );
            }
            assert.equal(
                logs.filter((message) =>
                    /Completion, hover docs and formatting are off: dockerfile-language-service did not load/.test(
                        message,
                    ),
                ).length,
                1,
                JSON.stringify(logs),
            );
        } finally {
            client.dispose();
            server.kill();
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
