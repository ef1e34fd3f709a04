// npm run bench:lsp [-- --runs N] — the language server's figures, over N server starts: diagnostics for a
// 300-line Dockerfile after a change (median, target < 20 ms), start of the bundled server to its first diagnostics (< 300 ms), its memory (< 60 MB RSS)
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
import { figure, runBench, type BenchOptions, type BenchResult } from './benchKit';

const repo = join(__dirname, '..', '..');
/** Edits per server start. */
const RUNS = 50;
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

export async function run({ runs: starts }: BenchOptions): Promise<BenchResult> {
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
    for (let start = 0; start < starts; start++) {
        peers.push(await peerRun());
        servers.push(await serverRun(root));
    }
    rmSync(root, { recursive: true, force: true });
    const bare = 'bare node -e';
    return {
        bench: 'lsp',
        figures: [
            figure(
                'diagnostics after a change, 300-line Dockerfile',
                servers.flatMap((one) => one.changeMs),
                'ms',
                { target: { op: '<', value: 20 } },
            ),
            figure(
                'server start to first diagnostics',
                servers.map((one) => one.startMs),
                'ms',
                {
                    target: { op: '<', value: 300 },
                    peer: { name: `${bare} start to first output`, values: peers.map((one) => one.startMs) },
                },
            ),
            figure(
                'server memory (RSS) right after the edits',
                servers.map((one) => one.rssMb),
                'MB',
                { target: { op: '<', value: 60 }, peer: { name: bare, values: peers.map((one) => one.rssMb) } },
            ),
            // Right after the edits the heap is wherever V8's cycle left it: between the live ~9 MB and the ~18 MB
            // at which it collects the old generation (a floor V8 keeps whatever the flags). Idle, it is collected.
            figure(
                `server memory (RSS) ${IDLE_MS / 1000} s after the last edit`,
                servers.map((one) => one.idleRssMb),
                'MB',
                { target: { op: '<', value: 60 } },
            ),
        ],
        notes: [
            `server flags: ${SERVER_EXEC_ARGV.join(' ') || '(none)'}; GLIBC_TUNABLES=${serverEnv(process.env.GLIBC_TUNABLES).GLIBC_TUNABLES}`,
            `${RUNS} edits per server start; ${servers[0]?.firstCount ?? 0} diagnostics on the first run`,
        ],
    };
}

if (require.main === module) {
    runBench(run, 5);
}
