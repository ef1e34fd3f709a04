// npm run bench:lsp — the language server's figures: diagnostics for a 300-line Dockerfile after a change
// (median, target < 20 ms), start of the bundled server to its first diagnostics (< 300 ms), its memory (< 60 MB RSS).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { validSnapshot } from '../../test/unit/core/snapshot/validSnapshot';

const repo = join(__dirname, '..', '..');
const RUNS = 50;

function dockerfile(lines: number, variant: number): string {
    const text = [`FROM node:${variant % 2 === 0 ? '18' : '20'}-alpine AS build`, 'WORKDIR /app', 'COPY . .', 'ENV TZ=UTC LANG=C.UTF-8', 'EXPOSE 8080'];
    while (text.length < lines - 2) {
        text.push(`RUN echo step ${text.length} && \\`, '    true');
    }
    text.push('FROM node:20.11.1-bookworm-slim', 'CMD ["node", "server.js"]');
    return `${text.slice(0, lines).join('\n')}\n`;
}

async function main(): Promise<void> {
    execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs'), '--production'], { cwd: repo, stdio: 'ignore' });
    const root = mkdtempSync(join(tmpdir(), 'parity lsp bench '));
    mkdirSync(join(root, '.parity'));
    writeFileSync(join(root, '.parity', 'local.snapshot.json'), JSON.stringify(validSnapshot));
    const started = performance.now();
    const server = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    let waiting: ((params: PublishDiagnosticsParams) => void) | undefined;
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => waiting?.(params));
    client.onNotification('parity/log', () => undefined);
    client.listen();
    const next = (): Promise<PublishDiagnosticsParams> => new Promise((resolve) => {
        waiting = resolve;
    });
    const rootUri = pathToFileURL(root).toString();
    await client.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await client.sendNotification('initialized', {});
    const uri = pathToFileURL(join(root, 'Dockerfile')).toString();
    const first = next();
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: dockerfile(300, 0) } });
    const firstDiagnostics = await first;
    const startMs = performance.now() - started;
    const times: number[] = [];
    for (let version = 2; version < RUNS + 2; version++) {
        const published = next();
        const sent = performance.now();
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: dockerfile(300, version) }] });
        await published;
        times.push(performance.now() - sent);
    }
    times.sort((a, b) => a - b);
    const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(server.pid)]).toString().trim()) / 1024;
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    client.dispose();
    rmSync(root, { recursive: true, force: true });
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    const rows: [string, string, string][] = [
        ['diagnostics after a change, 300 lines (median of 50)', `${median.toFixed(1)} ms`, '< 20 ms'],
        ['start to first diagnostics', `${startMs.toFixed(0)} ms`, '< 300 ms'],
        ['server memory (RSS)', `${rss.toFixed(1)} MB`, '< 60 MB'],
    ];
    for (const [what, value, target] of rows) {
        process.stdout.write(`${what.padEnd(56)} ${value.padStart(10)}   target ${target}\n`);
    }
    process.stdout.write(`(${firstDiagnostics.diagnostics.length} diagnostics on the first run)\n`);
}

void main();
