// The Images and Containers views in the real VS Code against the real engine: their context-menu commands,
// the engine-event → refresh latency through the real tree provider, and the cost of building tree items.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { containerRows } from '../../../src/core/containers/containerRows';
import { eventTopics } from '../../../src/engine/events/eventTopics';
import { silentLogger } from '../../../src/core/Logger';
import { imageChildren, imageTree, type ImageTreeNode } from '../../../src/core/images/imageTree';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { containersView, type ContainerNode } from '../../../src/vscode/views/containersView';
import { type EngineNode, EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';
import { imagesView } from '../../../src/vscode/views/imagesView';
import { LiveEngineViews } from '../../../src/vscode/views/LiveEngineViews';
import { syntheticContainers, syntheticImages } from '../../support/syntheticEngineLists';
import { containerState, makeTestImage, removeViewsTestResources, runTestContainer } from '../../support/viewsTestKit';

const EXTENSION_ID = 'parity.parity';
const run = promisify(execFile);

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function writeResult(name: string, value: unknown): void {
    const results = process.env.PARITY_E2E_RESULTS_DIR;
    if (results) {
        fs.mkdirSync(results, { recursive: true });
        fs.writeFileSync(path.join(results, name), `${JSON.stringify(value, null, 2)}\n`);
    }
}

/** What the Containers view hands a context-menu command: the tree node of the container's row. */
async function containerNode(
    provider: EngineTreeProvider<ContainerNode>,
    name: string,
): Promise<EngineNode<ContainerNode>> {
    const node = (await provider.getChildren()).find(
        (candidate) => candidate.kind === 'item' && candidate.value.row.name === name,
    );
    assert.ok(node, `${name} is not in the Containers view`);
    return node;
}

describe('Images and Containers views', () => {
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

    it("an engine event reaches the tree provider's refresh — prints the latency (not asserted)", async () => {
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

    it('builds the tree items for 500 images and 500 containers — prints the median (not asserted)', () => {
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

    it("Inspect opens the engine's JSON as a read-only virtual document, for a container and an image", async () => {
        const id = runTestContainer('parity-views-e2e-inspect');
        const node = await containerNode(containers, 'parity-views-e2e-inspect');
        await vscode.commands.executeCommand('parity.containers.inspect', node);
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor, 'an editor opened');
        assert.equal(editor.document.uri.scheme, 'parity-inspect');
        assert.equal(editor.document.languageId, 'json');
        assert.equal((JSON.parse(editor.document.getText()) as { Id: string }).Id, id);

        makeTestImage('parity-views-e2e/inspect:1');
        const images = new EngineTreeProvider(imagesView, engine, silentLogger);
        try {
            const repository = (await images.getChildren()).find(
                (candidate) =>
                    candidate.kind === 'item' &&
                    candidate.value.kind === 'repository' &&
                    candidate.value.repository === 'parity-views-e2e/inspect',
            );
            assert.ok(repository, "the test image's repository is listed");
            const [tag] = await images.getChildren(repository);
            assert.ok(
                tag?.kind === 'item' &&
                    tag.value.kind === 'image' &&
                    tag.value.row.name === 'parity-views-e2e/inspect:1',
            );
            await vscode.commands.executeCommand('parity.images.inspect', tag);
            const imageEditor = vscode.window.activeTextEditor;
            assert.equal(imageEditor?.document.uri.scheme, 'parity-inspect');
            const details = JSON.parse(imageEditor.document.getText()) as {
                RepoTags: string[];
                Config: { Labels: Record<string, string> };
            };
            assert.deepEqual(details.RepoTags, ['parity-views-e2e/inspect:1']);
            assert.equal(details.Config.Labels['parity.test'], 'views');
        } finally {
            images.dispose();
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
    });

    it('Stop, Restart and Remove from the context menu act on the engine (the docker CLI agrees)', async () => {
        runTestContainer('parity-views-e2e-actions');
        await vscode.commands.executeCommand(
            'parity.containers.stop',
            await containerNode(containers, 'parity-views-e2e-actions'),
        );
        assert.equal(containerState('parity-views-e2e-actions'), 'exited');
        await vscode.commands.executeCommand(
            'parity.containers.restart',
            await containerNode(containers, 'parity-views-e2e-actions'),
        );
        assert.equal(containerState('parity-views-e2e-actions'), 'running');
        await vscode.commands.executeCommand(
            'parity.containers.stop',
            await containerNode(containers, 'parity-views-e2e-actions'),
        );
        // A stopped container is removed without a question.
        await vscode.commands.executeCommand(
            'parity.containers.remove',
            await containerNode(containers, 'parity-views-e2e-actions'),
        );
        assert.equal(containerState('parity-views-e2e-actions'), undefined);
    });
});
