// The actions Docker users reach for, in the real VS Code against the real engine and registry: Run in Sandbox
// twice (at once, or again once it runs) is one sandbox, Attach Shell types into a shell in the container, Copy
// docker run Command fills the clipboard, Push to Registry lands in the test bed's registry. The docker CLI and the
// registry's API witness.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { dockerCli } from '../../support/dockerCli';
import { waitFor } from '../../support/waitFor';
import { exampleInWorkspace } from './exampleInWorkspace';

const RUN = `${process.pid}`;
const TEST_LABEL = `parity.test=e2e-actions-${RUN}`;
const REGISTRY = process.env.PARITY_REGISTRY_ADDR ?? '127.0.0.1:5000';

interface RunResult {
    readonly name: string;
    readonly url: string | null;
    readonly alreadyRunning?: true;
}

function sandboxesOf(folder: vscode.Uri): string[] {
    return dockerCli([
        'ps',
        '-aq',
        '--filter',
        'label=parity.purpose=sandbox',
        '--filter',
        `label=parity.project=${folder.fsPath}`,
    ])
        .split('\n')
        .filter(Boolean);
}

describe('Parity: Docker actions', () => {
    let folder: vscode.Uri;
    let first: RunResult | undefined;

    before(async () => {
        await vscode.extensions.getExtension('parity.parity')?.activate();
        folder = exampleInWorkspace('hello-node', `actions-${RUN}`);
    });
    after(() => {
        for (const id of [
            ...sandboxesOf(folder),
            ...dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}`])
                .split('\n')
                .filter(Boolean),
        ]) {
            dockerCli(['rm', '--force', id]);
        }
        for (const ref of [imageTagFor(folder.fsPath), `${REGISTRY}/parity-e2e/actions-${RUN}:1`]) {
            try {
                dockerCli(['rmi', '--force', ref]);
            } catch {
                // Not made, or gone already.
            }
        }
    });

    it('Run in Sandbox twice runs one sandbox: a click while it starts, and one after, start none', async () => {
        // Two clicks at once: the second comes while the first still packages, before any container exists.
        const clicks = await Promise.all([
            vscode.commands.executeCommand<RunResult | undefined>('parity.sandbox.run', folder),
            vscode.commands.executeCommand<RunResult | undefined>('parity.sandbox.run', folder),
        ]);
        first = clicks.find((result) => result !== undefined);
        assert.ok(first?.url, 'the first run is ready — see the Parity log');
        assert.equal(
            clicks.filter((result) => result === undefined).length,
            1,
            'the click while it started started none',
        );
        const again = await vscode.commands.executeCommand<RunResult | undefined>('parity.sandbox.run', folder);
        assert.equal(again?.alreadyRunning, true, 'the second run found the running sandbox');
        assert.equal(again.name, first.name);
        assert.equal(again.url, first.url);
        assert.equal(sandboxesOf(folder).length, 1, 'one container for the project');
    });

    it('Attach Shell opens a terminal whose shell runs in the container', async () => {
        assert.ok(first, 'the sandbox of the first test runs');
        const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(
            'parity.containers.attachShell',
            first.name,
        );
        assert.ok(terminal, 'a terminal opened');
        // What is typed reaches the shell in the container: the file it writes is there (the sandbox's /tmp is its tmpfs).
        terminal.sendText('echo parity-$((6*7)) > /tmp/attached');
        await waitFor(
            'the shell wrote the file',
            () => {
                try {
                    return dockerCli(['exec', first?.name ?? '', 'cat', '/tmp/attached']) === 'parity-42';
                } catch {
                    return false;
                }
            },
            20_000,
        );
        terminal.dispose();
    });

    it("Copy docker run Command puts the sandbox's hardened docker run on the clipboard", async () => {
        assert.ok(first, 'the sandbox of the first test runs');
        const text = await vscode.commands.executeCommand<string | undefined>(
            'parity.containers.copyDockerRun',
            first.name,
        );
        assert.ok(text, 'the command returned the text');
        assert.equal(await vscode.env.clipboard.readText(), text);
        for (const flag of [
            'docker run --rm',
            '--read-only',
            '--cap-drop ALL',
            '--security-opt no-new-privileges',
            '--pids-limit',
            '--memory',
            '--cpus',
            '--tmpfs',
            '--publish 127.0.0.1:',
        ]) {
            assert.ok(text.includes(flag), `${flag} in:\n${text}`);
        }
        assert.ok(text.trimEnd().endsWith(imageTagFor(folder.fsPath)), "the project's image is what it runs");
    });

    it('Push to Registry tags and pushes an image to the loopback registry', async () => {
        const source = `parity-e2e-actions-${RUN}:1`;
        dockerCli(['tag', 'busybox:latest', source]);
        try {
            const target = `${REGISTRY}/parity-e2e/actions-${RUN}:1`;
            const pushed = await vscode.commands.executeCommand<string | undefined>(
                'parity.images.push',
                source,
                target,
            );
            assert.equal(pushed, target);
            const manifest = await fetch(`http://${REGISTRY}/v2/parity-e2e/actions-${RUN}/manifests/1`, {
                method: 'HEAD',
                headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
            });
            assert.equal(manifest.status, 200, 'the registry has it');
            // Removed from the test bed's registry again (it allows deletes).
            await fetch(
                `http://${REGISTRY}/v2/parity-e2e/actions-${RUN}/manifests/${manifest.headers.get('docker-content-digest') ?? ''}`,
                { method: 'DELETE' },
            );
        } finally {
            dockerCli(['rmi', source]);
        }
    });
});
