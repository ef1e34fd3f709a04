// Figures, not tests: what the Images and Containers views cost in the real VS Code, through the real tree
// providers against the real engine. Run only as its own pass (PARITY_E2E_PASS=bench) by
// scripts/bench/viewsInVsCodeBench.ts, which reads the JSON these write into PARITY_E2E_RESULTS_DIR.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { containerRows } from '../../../../src/core/containers/containerRows';
import { eventTopics } from '../../../../src/engine/events/eventTopics';
import { silentLogger } from '../../../../src/core/Logger';
import { imageChildren, imageTree, type ImageTreeNode } from '../../../../src/core/images/imageTree';
import { EngineConnection } from '../../../../src/vscode/EngineConnection';
import { containersView, type ContainerNode } from '../../../../src/vscode/views/containersView';
import { EngineTreeProvider } from '../../../../src/vscode/views/EngineTreeProvider';
import { imagesView } from '../../../../src/vscode/views/imagesView';
import { LiveEngineViews } from '../../../../src/vscode/views/LiveEngineViews';
import { syntheticContainers, syntheticImages } from '../../../support/syntheticEngineLists';
import { removeViewsTestResources, runTestContainer } from '../../../support/viewsTestKit';
import { containerNode } from '../containerNode';

const EXTENSION_ID = 'parity.parity';
const run = promisify(execFile);

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function writeResult(name: string, value: unknown): void {
    const results = process.env.PARITY_E2E_RESULTS_DIR;
    assert.ok(results, 'PARITY_E2E_RESULTS_DIR names where the figures go');
    fs.mkdirSync(results, { recursive: true });
    fs.writeFileSync(path.join(results, name), `${JSON.stringify(value, null, 2)}\n`);
}

describe('Images and Containers views: figures in the real VS Code', () => {
    let engine: EngineConnection;
    let containers: EngineTreeProvider<ContainerNode>;

    before(async () => {
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
        engine = new EngineConnection(silentLogger);
        containers = new EngineTreeProvider(containersView, engine, silentLogger);
    });
    after(() => {
        containers.dispose();
        engine.dispose();
        removeViewsTestResources();
    });

    it("an engine event reaches the tree provider's refresh — the latency, 5 rounds of stop and start", async () => {
        runTestContainer('parity-views-e2e-latency');
        const visibility = new vscode.EventEmitter<unknown>();
        const live = new LiveEngineViews(
            [
                {
                    topic: 'containers',
                    provider: containers,
                    visibility: { visible: true, onDidChangeVisibility: visibility.event },
                },
            ],
            engine,
            silentLogger,
        );
        let refreshed: (() => void) | undefined;
        const subscription = containers.onDidChangeTreeData(() => refreshed?.());
        const nextRefresh = (): Promise<void> => new Promise((resolve) => (refreshed = resolve));
        // A witness stream of our own records when each event reached this process.
        const witness = new AbortController();
        const arrived: number[] = [];
        let witnessOpen!: () => void;
        const witnessOpened = new Promise<void>((resolve) => (witnessOpen = resolve));
        const witnessing = (await engine.client())
            .streamEvents({
                filters: { type: ['container'], label: ['parity.test=views'] },
                signal: witness.signal,
                onOpen: () => witnessOpen(),
                onEvent: (event) => {
                    if (eventTopics(event).length > 0) {
                        arrived.push(performance.now());
                    }
                },
            })
            .catch(() => undefined);
        try {
            // The first load (VS Code asking for rows) is what starts the stream; its connection reloads once.
            await witnessOpened;
            const connected = nextRefresh();
            await containers.getChildren();
            assert.equal(live.running, true);
            await connected;
            const rounds: { action: string; refreshMs: number; rowMs: number }[] = [];
            for (let round = 0; round < 5; round++) {
                for (const [action, state] of [
                    ['stop', 'exited'],
                    ['start', 'running'],
                ] as const) {
                    const refresh = nextRefresh();
                    arrived.length = 0;
                    // Asynchronously, so the extension host keeps handling events while the CLI runs.
                    const cli = run('docker', [action, 'parity-views-e2e-latency'], {
                        env: { ...process.env, DOCKER_HOST: '' },
                    });
                    await refresh;
                    const refreshedAt = performance.now();
                    const eventAt = arrived[0] ?? NaN;
                    await cli;
                    // What VS Code does next: ask for the rows again; the container shows its new state.
                    const row = await containerNode(containers, 'parity-views-e2e-latency');
                    const refreshMs = refreshedAt - eventAt;
                    const rowMs = performance.now() - eventAt;
                    assert.equal(row.kind === 'item' ? row.value.row.state : undefined, state);
                    assert.ok(
                        arrived.length > 0,
                        `the witness stream saw no event for docker ${action} before the refresh`,
                    );
                    rounds.push({ action, refreshMs, rowMs });
                    await new Promise((resolve) => setTimeout(resolve, 250));
                }
            }
            const figures = Object.fromEntries(
                ['start', 'stop'].map((action) => {
                    const mine = rounds.filter((round) => round.action === action);
                    return [
                        action,
                        {
                            refreshMedianMs: median(mine.map((round) => round.refreshMs)),
                            refreshMaxMs: Math.max(...mine.map((round) => round.refreshMs)),
                            rowsMedianMs: median(mine.map((round) => round.rowMs)),
                        },
                    ];
                }),
            );
            console.log(
                `views: engine event → provider refresh, and → rows with the new state (extension host, 100 ms batching): ${JSON.stringify(figures)}`,
            );
            writeResult('views-latency.json', { vscode: vscode.version, rounds: rounds.length, ...figures });
            visibility.fire(undefined);
        } finally {
            witness.abort();
            await witnessing;
            subscription.dispose();
            live.dispose();
        }
        assert.equal(live.running, false);
    });

    it('builds the tree items for 500 images and 500 containers — the median of 15 runs', () => {
        const images = syntheticImages(500);
        const list = syntheticContainers(500);
        const timings: number[] = [];
        const tooltipTimings: number[] = [];
        let items = 0;
        for (let run = 0; run < 15; run++) {
            const started = performance.now();
            const now = Date.now();
            items = 0;
            const walk = (nodes: readonly ImageTreeNode[]): void => {
                for (const node of nodes) {
                    imagesView.render(node, now);
                    items += 1;
                    walk(imageChildren(node));
                }
            };
            walk(imageTree(images));
            for (const row of containerRows(list, { publishHost: 'localhost' })) {
                const node: ContainerNode = { kind: 'container', row };
                containersView.render(node, now);
                items += 1;
                for (const child of containersView.childrenOf?.(node) ?? []) {
                    containersView.render(child, now);
                    items += 1;
                }
            }
            timings.push(performance.now() - started);
            // Tooltips are built on hover only (resolveTreeItem); this is what hovering every row would cost.
            const tooltipsStarted = performance.now();
            for (const node of imageTree(images).flatMap((group) => imageChildren(group))) {
                imagesView.tooltip?.(node, now);
            }
            for (const row of containerRows(list, { publishHost: 'localhost' })) {
                containersView.tooltip?.({ kind: 'container', row }, now);
            }
            tooltipTimings.push(performance.now() - tooltipsStarted);
        }
        console.log(
            `views: shaping + vscode.TreeItem for 500 images + 500 containers (${items} items): median ${median(timings).toFixed(1)} ms over ${timings.length} runs; ` +
                `all their tooltips (built on hover only): median ${median(tooltipTimings).toFixed(1)} ms`,
        );
        writeResult('views-items.json', {
            vscode: vscode.version,
            items,
            medianMs: median(timings),
            tooltipsMedianMs: median(tooltipTimings),
            runs: timings.length,
        });
    });
});
