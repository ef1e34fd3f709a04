// The Images and Containers views in the real VS Code against the real engine: their context-menu commands and
// the engine events that refresh them. What they cost is measured by npm run bench:views-vscode, not here.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/Logger';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { containerNode } from './containerNode';
import { containersView, type ContainerNode } from '../../../src/vscode/views/containersView';
import { EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';
import { imagesView } from '../../../src/vscode/views/imagesView';
import { LiveEngineViews } from '../../../src/vscode/views/LiveEngineViews';
import { containerState, makeTestImage, removeViewsTestResources, runTestContainer } from '../../support/viewsTestKit';

const EXTENSION_ID = 'parity.parity';
const run = promisify(execFile);

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

    it('an engine event refreshes the Containers provider by itself, and its row shows the new state', async () => {
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
        try {
            // The first load (VS Code asking for rows) is what starts the stream; its connection reloads once.
            const connected = nextRefresh();
            await containers.getChildren();
            assert.equal(live.running, true);
            await connected;
            for (const [action, state] of [
                ['stop', 'exited'],
                ['start', 'running'],
            ] as const) {
                const refresh = nextRefresh();
                await run('docker', [action, 'parity-views-e2e-latency'], { env: { ...process.env, DOCKER_HOST: '' } });
                await refresh;
                const row = await containerNode(containers, 'parity-views-e2e-latency');
                assert.equal(row.kind === 'item' ? row.value.row.state : undefined, state);
            }
            visibility.fire(undefined);
        } finally {
            subscription.dispose();
            live.dispose();
        }
        assert.equal(live.running, false, 'the event stream stops once no view is visible');
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
