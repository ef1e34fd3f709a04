// npm run bench:lsp — the language server's figures: diagnostics for a 300-line Dockerfile after a change
// (median, target < 20 ms), start of the bundled server to its first diagnostics (< 300 ms), its memory (< 60 MB RSS)
// right after the edits and once idle.
// The server runs with the flags and environment VS Code gives it; a bare `node -e` measured in the same run is the floor.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { SERVER_EXEC_ARGV } from '../../src/core/lsp/SERVER_EXEC_ARGV';
import { serverEnv } from '../../src/core/lsp/serverEnv';
import { validSnapshot } from '../../test/unit/core/snapshot/validSnapshot';

const repo = join(__dirname, '..', '..');
const RUNS = 50;
/** Server starts; each is measured, and the medians are reported. */
const STARTS = 5;
/** How long the server is left idle before its memory is read again: V8's memory reducer acts ~8 s after allocation stops. */
const IDLE_MS = 12_000;

function dockerfile(lines: number, variant: number): string {
    const text = [
        `FROM node:${variant % 2 === 0 ? '18' : '20'}-alpine AS build`,
        'WORKDIR /app',
        'COPY . .',
        'ENV TZ=UTC LANG=C.UTF-8',
        'EXPOSE 8080',
    ];
    while (text.length < lines - 2) {
        text.push(`RUN echo step ${text.length} && \\`, '    true');
    }
    text.push('FROM node:20.11.1-bookworm-slim', 'CMD ["node", "server.js"]');
    return `${text.slice(0, lines).join('\n')}\n`;
}

/** One server run: start to first diagnostics, then RUNS edits of a 300-line file, then its RSS, at once and once idle. */
async function serverRun(
    root: string,
): Promise<{ startMs: number; changeMs: number[]; rssMb: number; idleRssMb: number; firstCount: number }> {
    const started = performance.now();
    const server = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(repo, 'dist', 'server.js'), '--stdio'], {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...serverEnv(process.env.GLIBC_TUNABLES) },
    });
    const client = createMessageConnection(
        new StreamMessageReader(server.stdout),
        new StreamMessageWriter(server.stdin),
    );
    let waiting: ((params: PublishDiagnosticsParams) => void) | undefined;
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => waiting?.(params));
    client.onNotification('parity/log', () => undefined);
    client.listen();
    const next = (): Promise<PublishDiagnosticsParams> =>
        new Promise((resolve) => {
            waiting = resolve;
        });
    const rootUri = pathToFileURL(root).toString();
    await client.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        capabilities: {},
        initializationOptions: { debounceMs: 0 },
    });
    await client.sendNotification('initialized', {});
    const uri = pathToFileURL(join(root, 'Dockerfile')).toString();
    const first = next();
    await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text: dockerfile(300, 0) },
    });
    const firstDiagnostics = await first;
    const startMs = performance.now() - started;
    const changeMs: number[] = [];
    for (let version = 2; version < RUNS + 2; version++) {
        const published = next();
        const sent = performance.now();
        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ text: dockerfile(300, version) }],
        });
        await published;
        changeMs.push(performance.now() - sent);
    }
    const rssMb = rssOf(server.pid);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleRssMb = rssOf(server.pid);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    client.dispose();
    return { startMs, changeMs, rssMb, idleRssMb, firstCount: firstDiagnostics.diagnostics.length };
}

/** The peer, measured in the same run: a bare Node's start to its first output, and its RSS. */
async function peerRun(): Promise<{ startMs: number; rssMb: number }> {
    const started = performance.now();
    const peer = spawn(process.execPath, ['-e', 'process.stdout.write("x"); setTimeout(() => undefined, 60000)'], {
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve) => peer.stdout.once('data', resolve));
    const startMs = performance.now() - started;
    const rssMb = rssOf(peer.pid);
    peer.kill();
    return { startMs, rssMb };
}

function rssOf(pid: number | undefined): number {
    return (
        Number(
            execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
                .toString()
                .trim(),
        ) / 1024
    );
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
    execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs'), '--production'], {
        cwd: repo,
        stdio: 'ignore',
    });
    const root = mkdtempSync(join(tmpdir(), 'parity lsp bench '));
    mkdirSync(join(root, '.parity'));
    writeFileSync(join(root, '.parity', 'local.snapshot.json'), JSON.stringify(validSnapshot));
    const servers: Awaited<ReturnType<typeof serverRun>>[] = [];
    const peers: Awaited<ReturnType<typeof peerRun>>[] = [];
    // Interleaved, so a busy moment of the machine weighs on both alike.
    for (let run = 0; run < STARTS; run++) {
        peers.push(await peerRun());
        servers.push(await serverRun(root));
    }
    rmSync(root, { recursive: true, force: true });
    const rows: [string, string, string, string][] = [
        [
            `diagnostics after a change, 300 lines (median of ${RUNS * STARTS})`,
            `${median(servers.flatMap((run) => run.changeMs)).toFixed(1)} ms`,
            '< 20 ms',
            '',
        ],
        [
            `start to first diagnostics (median of ${STARTS})`,
            `${median(servers.map((run) => run.startMs)).toFixed(0)} ms`,
            '< 300 ms',
            `bare node: ${median(peers.map((run) => run.startMs)).toFixed(0)} ms`,
        ],
        [
            `server memory (RSS, median of ${STARTS})`,
            `${median(servers.map((run) => run.rssMb)).toFixed(1)} MB`,
            '< 60 MB',
            `bare node: ${median(peers.map((run) => run.rssMb)).toFixed(1)} MB`,
        ],
        // Right after the edits the heap is wherever V8's cycle left it: between the live ~9 MB and the ~18 MB at
        // which it collects the old generation (a floor V8 keeps whatever the flags). Idle, it is collected.
        [
            `server memory ${IDLE_MS / 1000} s after the last edit (median of ${STARTS})`,
            `${median(servers.map((run) => run.idleRssMb)).toFixed(1)} MB`,
            '< 60 MB',
            '',
        ],
    ];
    process.stdout.write(
        `server flags: ${SERVER_EXEC_ARGV.join(' ') || '(none)'}; GLIBC_TUNABLES=${serverEnv(process.env.GLIBC_TUNABLES).GLIBC_TUNABLES}\n`,
    );
    for (const [what, value, target, peer] of rows) {
        process.stdout.write(`${what.padEnd(56)} ${value.padStart(10)}   target ${target.padEnd(9)} ${peer}\n`);
    }
    process.stdout.write(`(${servers[0]?.firstCount ?? 0} diagnostics on the first run)\n`);
}

void main();
