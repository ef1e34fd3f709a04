// Benchmark: the Images and Containers views. Figures only — no test asserts on time.
//  1. Shaping 500 images + 500 containers into view rows: the pure core (imageTree, containerRows, context
//     values, Parity label reading, the description text) — in plain Node (vscode.TreeItem needs VS Code itself).
//  2. Engine event → refresh: the event feed and the 100 ms batching the views use, against the real engine,
//     for `docker start`/`docker stop` of a labelled busybox container.
//
//   node --import tsx scripts/bench/viewsBench.ts [--runs N]
import { execFileSync } from 'node:child_process';
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
import { figure, runBench, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

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

async function eventLatency(rounds: number): Promise<BenchFigure[]> {
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
        return Object.entries(byAction).flatMap(([action, measured]) => [
            figure(`docker ${action}: engine event → views refresh (100 ms batching)`, measured.fromEvent, 'ms', {
                target: { op: '<=', value: 300 },
            }),
            figure(`docker ${action}: docker CLI returned → views refresh`, measured.fromCli, 'ms', {
                target: { op: '<=', value: 300 },
            }),
        ]);
    } finally {
        watch.stop();
        removeViewsTestResources();
    }
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const images = syntheticImages(500);
    const containers = syntheticContainers(500);
    let rows = shapeRows(images, containers, Date.now());
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
        const started = performance.now();
        rows = shapeRows(images, containers, Date.now());
        times.push(performance.now() - started);
    }
    execFileSync('docker', ['version'], { stdio: 'ignore', env: { ...process.env, DOCKER_HOST: '' } });
    return {
        bench: 'views',
        figures: [
            figure(`500 images + 500 containers → ${rows} rows (core shaping, no vscode.TreeItem)`, times, 'ms', {
                target: { op: '<', value: 100 },
            }),
            ...(await eventLatency(Math.max(5, Math.floor(runs / 2)))),
        ],
        notes: ['The same lists as vscode.TreeItems, and events through the real providers, in VS Code: views-vscode.'],
    };
}

if (require.main === module) {
    runBench(run, 21);
}
