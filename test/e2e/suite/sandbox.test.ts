// Run in Sandbox in the real VS Code against the real engine: the CodeLens, the command it runs (package when
// needed, then the locked-down run), the terminal, Stop from the Containers view, and bad settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/Logger';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { readSandboxSettings } from '../../../src/vscode/config';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { containersView, type ContainerNode } from '../../../src/vscode/views/containersView';
import { EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';
import { dockerCli } from '../../support/dockerCli';
import { waitFor } from '../../support/waitFor';
import { waitForHttp } from '../../support/waitForHttp';
import { exampleInWorkspace } from './exampleInWorkspace';

interface RunResult {
    readonly name: string;
    readonly url: string | null;
    readonly exit?: { readonly reason: string };
}

/** The sandboxes of one project folder, by the label Parity puts on them. */
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

async function runLenses(file: vscode.Uri): Promise<vscode.CodeLens[]> {
    await vscode.window.showTextDocument(file);
    const lenses =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file, 100)) ?? [];
    return lenses.filter(
        (lens) => lens.command?.command === 'parity.sandbox.run' || lens.command?.command === 'parity.dockerfile.build',
    );
}

describe('Parity: Run in Sandbox', () => {
    const tags: string[] = [];
    let engine: EngineConnection;
    let containers: EngineTreeProvider<ContainerNode>;

    before(async () => {
        await vscode.extensions.getExtension('parity.parity')?.activate();
        engine = new EngineConnection(silentLogger);
        containers = new EngineTreeProvider(containersView, engine, silentLogger);
    });
    after(async () => {
        await vscode.workspace
            .getConfiguration('parity')
            .update('sandbox.memory', undefined, vscode.ConfigurationTarget.Global);
        await vscode.workspace
            .getConfiguration('parity')
            .update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
        containers.dispose();
        engine.dispose();
        // Whatever a failed test left running in this workspace's folders.
        const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
        for (const line of dockerCli([
            'ps',
            '-a',
            '--filter',
            'label=parity.purpose=sandbox',
            '--format',
            '{{.ID}} {{.Label "parity.project"}}',
        ]).split('\n')) {
            const [id, project] = line.split(' ');
            if (id && project?.startsWith(workspace)) {
                dockerCli(['rm', '--force', id]);
            }
        }
        for (const tag of tags) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
    });

    it('puts "Run in Sandbox" on the start script of package.json, "Build" and "Run" atop a Dockerfile, and none when turned off', async () => {
        const folder = exampleInWorkspace('hello-node', 'lens-node');
        const manifest = vscode.Uri.joinPath(folder, 'package.json');
        const lenses = await runLenses(manifest);
        assert.equal(lenses.length, 1);
        const [lens] = lenses;
        const startLine = fs
            .readFileSync(manifest.fsPath, 'utf8')
            .split('\n')
            .findIndex((line) => line.includes('"start"'));
        assert.equal(lens?.range.start.line, startLine);
        assert.match(lens?.command?.title ?? '', /Run in Sandbox/);
        assert.equal(
            (lens?.command?.arguments?.[0] as vscode.Uri).fsPath,
            folder.fsPath,
            'the lens runs the project folder',
        );

        const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
        fs.writeFileSync(
            dockerfile.fsPath,
            '# syntax=docker/dockerfile:1\nFROM node:20.20.2-bookworm-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
        );
        const onDockerfile = await runLenses(dockerfile);
        assert.deepEqual(
            onDockerfile.map((each) => [each.range.start.line, each.command?.command]),
            [
                [1, 'parity.dockerfile.build'],
                [1, 'parity.sandbox.run'],
            ],
        );

        await vscode.workspace
            .getConfiguration('parity')
            .update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
        assert.deepEqual(await runLenses(manifest), []);
        await vscode.workspace
            .getConfiguration('parity')
            .update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    });

    it('the lens packages the app, runs it locked down until it answers, and Stop in the Containers view removes it', async () => {
        const folder = exampleInWorkspace('hello-node', 'sandbox-node');
        const [lens] = await runLenses(vscode.Uri.joinPath(folder, 'package.json'));
        assert.ok(lens?.command);
        const result = await vscode.commands.executeCommand<RunResult | undefined>(
            lens.command.command,
            ...((lens.command.arguments as unknown[] | undefined) ?? []),
        );
        tags.push(imageTagFor(folder.fsPath));
        assert.ok(result?.url, `the sandbox was not ready: ${result?.exit?.reason ?? 'see the Parity log'}`);
        assert.match(result.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.match(await waitForHttp(`${result.url}/`), /hello/i);

        const [id] = sandboxesOf(folder);
        assert.ok(id, "a container labelled as this folder's sandbox");
        const settings = JSON.parse(dockerCli(['inspect', '--format', '{{json .HostConfig}}', id])) as {
            ReadonlyRootfs: boolean;
            CapDrop: string[];
            SecurityOpt: string[];
            Memory: number;
            PidsLimit: number;
        };
        assert.equal(settings.ReadonlyRootfs, true);
        assert.deepEqual(settings.CapDrop, ['ALL']);
        assert.ok(settings.SecurityOpt.includes('no-new-privileges'));
        assert.equal(settings.Memory, 512 * 1024 * 1024);
        assert.equal(settings.PidsLimit, 256);
        assert.ok(
            vscode.window.terminals.some((terminal) => terminal.name === 'Parity: sandbox-node'),
            `the logs stream into a terminal named after the project (terminals: ${vscode.window.terminals.map((terminal) => terminal.name).join(', ')})`,
        );

        const node = (await containers.getChildren()).find(
            (candidate) =>
                candidate.kind === 'item' &&
                candidate.value.kind === 'container' &&
                candidate.value.row.name === result.name,
        );
        assert.ok(node, 'the Containers view lists the sandbox');
        await vscode.commands.executeCommand('parity.containers.stop', node);
        assert.deepEqual(sandboxesOf(folder), [], 'Stop stopped and removed the sandbox');
    });

    it('runs an image named directly, and closing its terminal stops and removes it', async () => {
        // The image the lens built for the sandbox-node folder in the test before.
        const tag = imageTagFor(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'sandbox-node'));
        const result = await vscode.commands.executeCommand<RunResult | undefined>(
            'parity.sandbox.run',
            `image:${tag}`,
        );
        assert.ok(result?.url, `the sandbox was not ready: ${result?.exit?.reason ?? 'see the Parity log'}`);
        const id = dockerCli(['ps', '-q', '--filter', `name=^${result.name}$`]);
        assert.ok(id);
        const terminal = vscode.window.terminals.find((each) => each.name === `Parity: ${tag}`);
        assert.ok(terminal);
        terminal.dispose();
        await waitFor(
            'the sandbox is removed once its terminal closes',
            () => dockerCli(['ps', '-aq', '--filter', `name=^${result.name}$`]) === '',
            20_000,
        );
    });

    it('a Procfile worker line runs that process in the same image, with no port to wait for; closing its terminal removes it', async () => {
        const folder = exampleInWorkspace('hello-node', 'sandbox-procfile');
        const procfile = vscode.Uri.joinPath(folder, 'Procfile');
        fs.writeFileSync(
            procfile.fsPath,
            'web: node server.js\nworker: node -e "console.log(\'worker up\'); setInterval(() => {}, 1000)"\n',
        );
        const lenses = await runLenses(procfile);
        assert.deepEqual(
            lenses.map((lens) => lens.command?.title),
            ['$(play) Run in Sandbox', '$(play) Run worker in Sandbox'],
        );
        const worker = lenses[1]?.command;
        assert.ok(worker);
        const result = await vscode.commands.executeCommand<RunResult | undefined>(
            worker.command,
            ...((worker.arguments as unknown[] | undefined) ?? []),
        );
        tags.push(imageTagFor(folder.fsPath));
        assert.ok(result, 'the worker did not start — see the Parity log');
        assert.equal(result.url, null);
        const [id] = sandboxesOf(folder);
        assert.ok(id);
        assert.deepEqual(JSON.parse(dockerCli(['inspect', '--format', '{{json .Config.Cmd}}', id])), [
            '/bin/sh',
            '-c',
            'node -e "console.log(\'worker up\'); setInterval(() => {}, 1000)"',
        ]);
        await waitFor('the worker logs', () => dockerCli(['logs', id]).includes('worker up'), 20_000);
        const terminal = vscode.window.terminals.find((each) => each.name === 'Parity: sandbox-procfile (worker)');
        assert.ok(
            terminal,
            `a terminal for the worker (terminals: ${vscode.window.terminals.map((each) => each.name).join(', ')})`,
        );
        terminal.dispose();
        await waitFor('the worker is removed once its terminal closes', () => sandboxesOf(folder).length === 0, 20_000);
    });

    it("parity.sandbox.target: a saved snapshot's memory, CPUs and open files win over the settings; a bad target starts nothing", async () => {
        const folder = exampleInWorkspace('hello-node', 'sandbox-target');
        const snapshot = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(
            'parity.snapshot.capture',
            folder,
        );
        assert.ok(snapshot, 'Snapshot Environment saved a snapshot');
        const prod = {
            ...snapshot,
            resources: { cpus: 0.5, memoryBytes: 8192 * 1024 * 1024, memoryLimitBytes: 300 * 1024 * 1024 },
            limits: { nofile: { soft: 4096, hard: 4096 }, nproc: null },
        };
        fs.writeFileSync(path.join(folder.fsPath, '.parity', 'prod.snapshot.json'), JSON.stringify(prod));
        const config = vscode.workspace.getConfiguration('parity');
        await config.update(
            'sandbox.target',
            'sandbox-target/.parity/prod.snapshot.json',
            vscode.ConfigurationTarget.Global,
        );
        try {
            const result = await vscode.commands.executeCommand<RunResult | undefined>('parity.sandbox.run', folder);
            tags.push(imageTagFor(folder.fsPath));
            assert.ok(result?.url, `the sandbox was not ready: ${result?.exit?.reason ?? 'see the Parity log'}`);
            const [id] = sandboxesOf(folder);
            assert.ok(id);
            const host = JSON.parse(dockerCli(['inspect', '--format', '{{json .HostConfig}}', id])) as {
                Memory: number;
                NanoCpus: number;
                Ulimits: unknown;
            };
            assert.equal(host.Memory, 300 * 1024 * 1024);
            assert.equal(host.NanoCpus, 0.5e9);
            assert.deepEqual(host.Ulimits, [{ Name: 'nofile', Soft: 4096, Hard: 4096 }]);
            await vscode.commands.executeCommand('workbench.action.terminal.killAll');
            await waitFor(
                'the sandbox is removed once its terminal closes',
                () => sandboxesOf(folder).length === 0,
                20_000,
            );

            await config.update(
                'sandbox.target',
                'sandbox-target/no-such.snapshot.json',
                vscode.ConfigurationTarget.Global,
            );
            assert.equal(await vscode.commands.executeCommand('parity.sandbox.run', folder), undefined);
            assert.deepEqual(sandboxesOf(folder), []);
        } finally {
            await config.update('sandbox.target', undefined, vscode.ConfigurationTarget.Global);
        }
    });

    it('.env values reach the sandbox only with parity.sandbox.passDotenv, and are not in its summary', async () => {
        const folder = exampleInWorkspace('hello-node', 'sandbox-dotenv');
        fs.writeFileSync(path.join(folder.fsPath, '.env'), 'PARITY_E2E_SECRET=s3cr3t-dotenv-value\n');
        const envOf = (id: string): string[] =>
            JSON.parse(dockerCli(['inspect', '--format', '{{json .Config.Env}}', id])) as string[];
        const runOnce = async (): Promise<string[]> => {
            const result = await vscode.commands.executeCommand<RunResult | undefined>('parity.sandbox.run', folder);
            assert.ok(result?.url, `the sandbox was not ready: ${result?.exit?.reason ?? 'see the Parity log'}`);
            const [id] = sandboxesOf(folder);
            assert.ok(id);
            const env = envOf(id);
            await vscode.commands.executeCommand('workbench.action.terminal.killAll');
            await waitFor(
                'the sandbox is removed once its terminal closes',
                () => sandboxesOf(folder).length === 0,
                20_000,
            );
            return env;
        };
        tags.push(imageTagFor(folder.fsPath));
        assert.ok(!(await runOnce()).some((entry) => entry.startsWith('PARITY_E2E_SECRET=')), 'not passed by default');
        const config = vscode.workspace.getConfiguration('parity');
        await config.update('sandbox.passDotenv', true, vscode.ConfigurationTarget.Global);
        try {
            assert.ok((await runOnce()).includes('PARITY_E2E_SECRET=s3cr3t-dotenv-value'), 'passed once allowed');
        } finally {
            await config.update('sandbox.passDotenv', undefined, vscode.ConfigurationTarget.Global);
        }
        assert.ok(
            !dockerCli(['image', 'inspect', '--format', '{{json .Config.Env}}', imageTagFor(folder.fsPath)]).includes(
                's3cr3t',
            ),
            'never in the image',
        );
    });

    it('a memory setting that is not a size is a clear error, and nothing is started', async () => {
        const folder = exampleInWorkspace('hello-node', 'sandbox-bad');
        await vscode.workspace
            .getConfiguration('parity')
            .update('sandbox.memory', 'lots', vscode.ConfigurationTarget.Global);
        try {
            assert.equal(await vscode.commands.executeCommand('parity.sandbox.run', folder), undefined);
            assert.deepEqual(sandboxesOf(folder), []);
        } finally {
            await vscode.workspace
                .getConfiguration('parity')
                .update('sandbox.memory', undefined, vscode.ConfigurationTarget.Global);
        }
    });

    it('every sandbox setting the policy cannot take is an error naming the setting and the value', async () => {
        const folder = exampleInWorkspace('hello-node', 'sandbox-settings');
        const config = vscode.workspace.getConfiguration('parity');
        const cases: [string, unknown, RegExp][] = [
            [
                'sandbox.memory',
                '512 potatoes',
                /^parity\.sandbox\.memory takes a size such as 512m or 1g, not "512 potatoes"$/,
            ],
            ['sandbox.cpus', 0, /^parity\.sandbox\.cpus takes a number of CPUs above 0, not "0"$/],
            ['sandbox.pids', 1.5, /^parity\.sandbox\.pids takes a whole number above 0, not "1\.5"$/],
            [
                'sandbox.writablePaths',
                ['/app/cache', 'tmp'],
                /^parity\.sandbox\.writablePaths takes absolute paths inside the container, not "tmp"$/,
            ],
        ];
        for (const [key, value, message] of cases) {
            await config.update(key, value, vscode.ConfigurationTarget.Global);
            try {
                await assert.rejects(
                    readSandboxSettings(folder.fsPath, () => Promise.resolve({})),
                    (error: unknown) => error instanceof Error && message.test(error.message),
                );
                assert.equal(
                    await vscode.commands.executeCommand('parity.sandbox.run', folder),
                    undefined,
                    `${key}: nothing runs`,
                );
                assert.deepEqual(sandboxesOf(folder), [], `${key}: no container`);
                assert.ok(
                    !fs.existsSync(path.join(folder.fsPath, 'Dockerfile')),
                    `${key}: nothing written into the project`,
                );
            } finally {
                await config.update(key, undefined, vscode.ConfigurationTarget.Global);
            }
        }
    });

    it('an image that does not exist is a clear error, and nothing is started', async () => {
        const before = dockerCli(['ps', '-aq', '--filter', 'label=parity.purpose=sandbox']);
        assert.equal(
            await vscode.commands.executeCommand('parity.sandbox.run', 'image:parity-no-such-image:none'),
            undefined,
        );
        assert.equal(dockerCli(['ps', '-aq', '--filter', 'label=parity.purpose=sandbox']), before);
    });
});
