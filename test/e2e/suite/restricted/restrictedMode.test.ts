// Restricted Mode in the real VS Code: code-server with Workspace Trust on, the workspace folder untrusted
// (runExtensionTests.ts copies examples/hello-node there with a .env and a planted .vscode/settings.json).
// Parity must run nothing from it and ignore its settings; the engine's views still work.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { silentLogger } from '../../../../src/core/Logger';
import type { ImageTreeNode } from '../../../../src/core/images/imageTree';
import { imageTagFor } from '../../../../src/pipeline/imageTagFor';
import { readConfig, readDiffSettings, readSandboxSettings, readSandboxTarget } from '../../../../src/vscode/config';
import { EngineConnection } from '../../../../src/vscode/EngineConnection';
import { readSavedTargets } from '../../../../src/vscode/targets/readSavedTargets';
import { type EngineNode, EngineTreeProvider } from '../../../../src/vscode/views/EngineTreeProvider';
import { imagesView } from '../../../../src/vscode/views/imagesView';
import { dockerCli } from '../../../support/dockerCli';

const BASE_IMAGE = 'node:20.20.2-bookworm-slim';

/** Every container Parity labelled with this project folder: the witness that nothing ran. */
function containersOf(folder: string): string[] {
    return dockerCli([
        'ps',
        '-aq',
        '--filter',
        'label=parity.managed=true',
        '--filter',
        `label=parity.project=${folder}`,
    ])
        .split('\n')
        .filter(Boolean);
}

async function imageNode(
    provider: EngineTreeProvider<ImageTreeNode>,
    name: string,
): Promise<EngineNode<ImageTreeNode>> {
    for (const repository of await provider.getChildren()) {
        if (repository.kind === 'item' && repository.value.kind !== 'image') {
            const found = (await provider.getChildren(repository)).find(
                (node) => node.kind === 'item' && node.value.kind === 'image' && node.value.row.name === name,
            );
            if (found) {
                return found;
            }
        }
    }
    throw new Error(`${name} is not in the Images view`);
}

describe('Parity in Restricted Mode (an untrusted folder)', () => {
    let folder: vscode.Uri;
    let engine: EngineConnection;
    let images: EngineTreeProvider<ImageTreeNode>;

    before(async () => {
        const workspace = vscode.workspace.workspaceFolders?.[0];
        assert.ok(workspace, 'the restricted run opens a workspace folder');
        folder = workspace.uri;
        assert.equal(
            vscode.workspace.isTrusted,
            false,
            'the folder must open untrusted: code-server needs Workspace Trust on (runExtensionTests.ts, restricted pass)',
        );
        await vscode.extensions.getExtension('parity.parity')?.activate();
        engine = new EngineConnection(silentLogger);
        images = new EngineTreeProvider(imagesView, engine, silentLogger);
    });
    after(() => {
        images.dispose();
        engine.dispose();
    });

    it('Snapshot, Package, Build, Run in Sandbox and Diff with Target refuse: nothing written, nothing built, no container', async () => {
        const dockerfile = vscode.Uri.joinPath(folder, 'build', 'Dockerfile');
        fs.mkdirSync(path.dirname(dockerfile.fsPath), { recursive: true });
        fs.writeFileSync(dockerfile.fsPath, `FROM ${BASE_IMAGE}\nRUN touch /ran-in-restricted-mode\n`);
        const calls: [string, ...unknown[]][] = [
            ['parity.snapshot.capture', folder],
            ['parity.app.package', folder],
            ['parity.dockerfile.build', dockerfile],
            ['parity.sandbox.run', folder],
            ['parity.sandbox.run', `image:${BASE_IMAGE}`],
            ['parity.diff.withTarget', await imageNode(images, BASE_IMAGE), folder],
            ['parity.diff.withTarget', { from: `host:${folder.fsPath}`, to: `image:${BASE_IMAGE}` }],
        ];
        for (const [command, ...args] of calls) {
            assert.equal(
                await vscode.commands.executeCommand(command, ...args),
                undefined,
                `${command} did something in Restricted Mode`,
            );
        }
        assert.equal(fs.existsSync(path.join(folder.fsPath, '.parity')), false, 'a .parity folder was written');
        assert.equal(fs.existsSync(path.join(folder.fsPath, 'Dockerfile')), false, 'a Dockerfile was written');
        assert.equal(fs.existsSync(path.join(folder.fsPath, '.dockerignore')), false, 'a .dockerignore was written');
        assert.deepEqual(containersOf(folder.fsPath), [], 'a container was created for the project');
        assert.equal(
            dockerCli(['ps', '-aq', '--filter', `label=parity.owner=${process.pid}@${os.hostname()}`]),
            '',
            'this window started a sandbox',
        );
        const tag = imageTagFor(folder.fsPath);
        assert.equal(dockerCli(['images', '-q', tag]), '', `${tag} was built`);
    });

    it('shows no Run in Sandbox or Build lens', async () => {
        for (const file of ['package.json', 'build/Dockerfile']) {
            const uri = vscode.Uri.joinPath(folder, file);
            await vscode.window.showTextDocument(uri);
            const lenses =
                (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ??
                [];
            assert.deepEqual(
                lenses.map((lens) => lens.command?.command).filter((id) => id?.startsWith('parity.')),
                [],
                `Parity lenses on ${file}`,
            );
        }
    });

    it("ignores the folder's planted settings: no .env values, no target, no looser sandbox, no base image", async () => {
        const sandbox = await readSandboxSettings(folder.fsPath, () =>
            Promise.resolve({ PLANTED_SECRET: 'from-the-repository' }),
        );
        assert.equal(sandbox.dotenv, undefined, 'parity.sandbox.passDotenv from the folder was honoured');
        assert.deepEqual(sandbox.writablePaths, [], 'parity.sandbox.writablePaths from the folder was honoured');
        assert.equal(sandbox.memoryBytes, undefined, 'parity.sandbox.memory from the folder was honoured');
        assert.equal(readSandboxTarget(folder.fsPath), undefined, 'parity.sandbox.target from the folder was honoured');
        assert.deepEqual(
            readConfig().recipe,
            { baseImageRegistry: '', baseImage: '', bakeCa: false, dependencyMirrors: {} },
            'parity.recipe.* from the folder was honoured',
        );
        assert.deepEqual(
            readDiffSettings(folder),
            { severity: undefined, ignore: undefined, requiredEnv: undefined },
            'parity.diff.* from the folder (which hide findings) was honoured',
        );
    });

    it("lists none of the folder's own targets (its planted parity.targets): the view must not connect where a repository says", async () => {
        const saved = await readSavedTargets();
        assert.deepEqual(
            saved.targets.map((target) => target.name),
            [],
            'a target planted by the folder was listed',
        );
        assert.deepEqual(saved.problems, []);
        assert.equal(saved.folderTargetsSkipped, true);
    });

    it("the engine's views and Show Engine Status still work", async () => {
        assert.ok(await imageNode(images, BASE_IMAGE));
        const status = await vscode.commands.executeCommand<{ engineVersion: string } | undefined>(
            'parity.engine.showStatus',
        );
        assert.equal(status?.engineVersion, dockerCli(['version', '--format', '{{.Server.Version}}']));
    });
});
