// Diff with Target from the Images view in the real VS Code against the real engine: the image probed in a
// throwaway container, next to this machine or a saved snapshot, in VS Code's diff editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/Logger';
import type { ImageTreeNode } from '../../../src/core/images/imageTree';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { type EngineNode, EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';
import { imagesView } from '../../../src/vscode/views/imagesView';
import { dockerCli } from '../../support/dockerCli';

const NODE_IMAGE = 'node:20.20.2-bookworm-slim';

interface DiffResult {
    readonly left: vscode.Uri;
    readonly right: vscode.Uri;
}

/** What the Images view hands a context-menu command: the tree node of the image's row. */
async function imageNode(provider: EngineTreeProvider<ImageTreeNode>, name: string): Promise<EngineNode<ImageTreeNode>> {
    const walk = async (nodes: readonly EngineNode<ImageTreeNode>[]): Promise<EngineNode<ImageTreeNode> | undefined> => {
        for (const node of nodes) {
            if (node.kind === 'item' && node.value.kind === 'image' && node.value.row.name === name) {
                return node;
            }
            if (node.kind === 'item' && node.value.kind !== 'image') {
                const found = await walk(await provider.getChildren(node));
                if (found) {
                    return found;
                }
            }
        }
        return undefined;
    };
    const node = await walk(await provider.getChildren());
    assert.ok(node, `${name} is not in the Images view`);
    return node;
}

async function text(uri: vscode.Uri): Promise<string> {
    return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('Parity: Diff with Target', () => {
    let engine: EngineConnection;
    let images: EngineTreeProvider<ImageTreeNode>;

    before(async () => {
        await vscode.extensions.getExtension('parity.parity')?.activate();
        assert.ok(dockerCli(['image', 'inspect', '--format', '{{.Id}}', NODE_IMAGE]), `${NODE_IMAGE} is missing — run: bash scripts/testbed.sh up images`);
        engine = new EngineConnection(silentLogger);
        images = new EngineTreeProvider(imagesView, engine, silentLogger);
    });
    after(() => {
        images.dispose();
        engine.dispose();
    });

    it('an image next to this machine: the image\'s Node and OS on one side, this machine\'s on the other, in the diff editor', async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        assert.ok(folder);
        const before = dockerCli(['ps', '-aq', '--filter', 'label=parity.managed=true']);
        const result = await vscode.commands.executeCommand<DiffResult | undefined>('parity.diff.withTarget', await imageNode(images, NODE_IMAGE), folder.uri);
        assert.ok(result, 'no comparison — see the Parity log');
        const [machine, image] = [await text(result.left), await text(result.right)];
        assert.match(image, /^node\s+.*20\.20\.2/m, 'the image side has the image\'s Node');
        assert.match(image, /Debian GNU\/Linux 12 \(bookworm\)/);
        assert.match(machine, new RegExp(`^node\\s+.*${process.versions.node.replace(/\./g, '\\.')}|^Platform`, 'm'));
        assert.match(machine, /\(host\)/, 'the other side is this machine');
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
        assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open');
        assert.equal(tab.label, `this machine (${folder.name}) ↔ ${NODE_IMAGE}`);
        assert.equal(dockerCli(['ps', '-aq', '--filter', 'label=parity.managed=true']), before, 'the probe container is gone');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('an image next to a saved snapshot; a file that is not a snapshot is a clear error and opens nothing', async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        assert.ok(folder);
        const dir = path.join(folder.uri.fsPath, '.parity');
        assert.ok(await vscode.commands.executeCommand('parity.snapshot.capture', folder.uri), 'Snapshot Environment saved a snapshot');
        const local = vscode.Uri.file(path.join(dir, 'local.snapshot.json'));
        const result = await vscode.commands.executeCommand<DiffResult | undefined>('parity.diff.withTarget', await imageNode(images, NODE_IMAGE), local);
        assert.ok(result, 'no comparison — see the Parity log');
        assert.match(await text(result.left), /\(host\)/, 'the saved side is the snapshot of this machine');
        assert.match(await text(result.right), /^node\s+.*20\.20\.2/m);
        assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, `.parity/local.snapshot.json ↔ ${NODE_IMAGE}`);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');

        const saved = path.join(dir, 'prod.snapshot.json');
        fs.writeFileSync(saved, '{ "schemaVersion": 1, "meta": {} }\n');
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).length;
        assert.equal(await vscode.commands.executeCommand('parity.diff.withTarget', await imageNode(images, NODE_IMAGE), vscode.Uri.file(saved)), undefined);
        assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, tabs, 'nothing opened');
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
