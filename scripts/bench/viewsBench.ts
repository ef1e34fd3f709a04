// Benchmark: the Images and Containers views. Figures only — no test asserts on time.
//  1. Shaping 500 images + 500 containers into view rows: the pure core (imageTree, containerRows, context
//     values, Parity label reading, the description text) — in plain Node. vscode.TreeItem construction needs
//     VS Code itself: the extension-host suite (test/e2e/suite/views.test.ts) times that full path and
//     writes test-results/views-items.json, printed here when present.
//  2. Engine event → refresh: the event feed and the 100 ms batching the views use, against the real engine,
//     for `docker start`/`docker stop` of a labelled busybox container. The same through the real tree
//     provider in VS Code is in test-results/views-latency.json (extension-host suite), printed when present.
//
//   node --import tsx scripts/bench/viewsBench.ts [--runs N]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { containerContextValue, containerRows } from '../../src/core/containers/containerRows';
import { formatAge } from '../../src/core/formatAge';
import { formatBytes } from '../../src/core/formatBytes';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { imageContextValue } from '../../src/core/images/imageRows';
import { imageChildren, imageTree, type ImageTreeNode } from '../../src/core/images/imageTree';
import { parityProvenance, partitionLabels } from '../../src/core/images/parityLabels';
import { EngineClient } from '../../src/engine/EngineClient';
import { dockerCli } from '../../test/support/dockerCli';
import { watchViewEvents } from '../../test/support/watchViewEvents';
import { syntheticContainers, syntheticImages } from '../../test/support/syntheticEngineLists';
import { removeViewsTestResources, runTestContainer } from '../../test/support/viewsTestKit';

const root = join(__dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Everything the views compute per row except the vscode.TreeItem itself. */
function shapeRows(
    images: ReturnType<typeof syntheticImages>,
    containers: ReturnType<typeof syntheticContainers>,
    nowMs: number,
): number {
    let rows = 0;
    const walk = (nodes: readonly ImageTreeNode[]): void => {
        for (const node of nodes) {
            if (node.kind === 'image') {
                const { row } = node;
                imageContextValue(row);
                parityProvenance(row.labels);
                partitionLabels(row.labels);
                void `${formatBytes(row.size)} · ${formatAge(row.created * 1000, nowMs)}`;
            }
            rows += 1;
            walk(imageChildren(node));
        }
    };
    walk(imageTree(images));
    for (const row of containerRows(containers, { publishHost: 'localhost' })) {
        containerContextValue(row);
        partitionLabels(row.labels);
        void [
            row.image,
            ...row.ports.map((port) => port.address),
            row.state,
            formatAge(row.created * 1000, nowMs),
        ].join(' · ');
        rows += 1 + row.ports.length;
    }
    return rows;
}

function printRecorded(file: string, what: string): void {
    const path = join(root, 'test-results', file);
    if (existsSync(path)) {
        console.log(
            `  ${what} (recorded ${statSync(path).mtime.toISOString()} by the extension-host suite): ${readFileSync(path, 'utf8').replace(/\s+/g, ' ').trim()}`,
        );
    } else {
        console.log(
            `  ${what}: not recorded yet — run: node scripts/build-e2e.mjs && node out/e2e/runExtensionTests.js`,
        );
    }
}

async function eventLatency(rounds: number): Promise<void> {
    const client = new EngineClient(
        { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
        { log: silentLogger },
    );
    const name = `parity-views-bench-${process.pid}`;
    const watch = await watchViewEvents(client);
    try {
        runTestContainer(name);
        dockerCli(['stop', name]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const byAction: Record<string, { fromEvent: number[]; fromCli: number[] }> = {
            start: { fromEvent: [], fromCli: [] },
            stop: { fromEvent: [], fromCli: [] },
        };
        for (let round = 0; round < rounds; round++) {
            for (const action of ['start', 'stop'] as const) {
                watch.reset();
                dockerCli([action, name]);
                const cliDone = performance.now();
                const refresh = await watch.nextRefresh(3000);
                const stamped = watch.stamped[0];
                if (refresh !== undefined && stamped !== undefined) {
                    byAction[action]?.fromEvent.push(refresh.at - stamped);
                    byAction[action]?.fromCli.push(refresh.at - cliDone);
                }
                await new Promise((resolve) => setTimeout(resolve, 250));
            }
        }
        for (const [action, figures] of Object.entries(byAction)) {
            console.log(
                `  docker ${action.padEnd(5)} engine event → refresh: median ${median(figures.fromEvent).toFixed(1)} ms, max ${Math.max(...figures.fromEvent).toFixed(1)} ms; docker CLI returned → refresh: median ${median(figures.fromCli).toFixed(1)} ms (${figures.fromEvent.length} rounds)`,
            );
        }
    } finally {
        watch.stop();
        removeViewsTestResources();
    }
}

async function main(): Promise<void> {
    const images = syntheticImages(500);
    const containers = syntheticContainers(500);
    let rows = shapeRows(images, containers, Date.now());
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
        const started = performance.now();
        rows = shapeRows(images, containers, Date.now());
        times.push(performance.now() - started);
    }
    console.log(`views benchmark (2 cores, ${runs} runs after one warm-up)`);
    console.log(
        `  500 images + 500 containers → ${rows} rows, core shaping only (no vscode.TreeItem): median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
    );
    printRecorded('views-items.json', 'same lists with vscode.TreeItem construction, in VS Code');
    execFileSync('docker', ['version'], { stdio: 'ignore', env: { ...process.env, DOCKER_HOST: '' } });
    console.log('engine event → views refresh (event feed + 100 ms batching window, real engine):');
    await eventLatency(Math.max(5, Math.floor(runs / 2)));
    printRecorded('views-latency.json', 'through the real tree provider in VS Code');
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
