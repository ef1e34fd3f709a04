// Parity: Package App in the real VS Code against the real engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { dockerCli } from '../../support/dockerCli';
import { exampleInWorkspace } from './exampleInWorkspace';

describe('Parity: Package App', () => {
    const built: string[] = [];
    after(() => {
        for (const tag of built) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
    });

    it('plans, writes the recipe and builds an image labelled with its plan (non-interactive, as the CodeLens runs it)', async () => {
        const folder = exampleInWorkspace('hello-python', 'pkg-python');
        const result = await vscode.commands.executeCommand<{ tag: string; imageId: string } | undefined>(
            'parity.app.package',
            folder,
            { interactive: false },
        );
        assert.ok(result, 'no image — see the Parity log');
        built.push(result.tag);
        assert.equal(result.tag, imageTagFor(folder.fsPath));
        assert.equal(dockerCli(['image', 'inspect', '--format', '{{.Id}}', result.tag]), result.imageId);
        assert.match(
            fs.readFileSync(path.join(folder.fsPath, 'Dockerfile'), 'utf8'),
            /^FROM python:3\.12\.1-slim-bookworm$/m,
        );
        assert.ok(fs.existsSync(path.join(folder.fsPath, '.parity', 'plan.json')));
        assert.ok(fs.readFileSync(path.join(folder.fsPath, '.dockerignore'), 'utf8').includes('.env'));
    });

    it('keeps a Dockerfile the user wrote, builds it, and puts a failing step on its line in Problems', async () => {
        const folder = exampleInWorkspace('hello-node', 'pkg-failing');
        const mine =
            'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN node -e "console.error(\'tests are red\'); process.exit(4)"\nCMD ["node", "server.js"]\n';
        fs.writeFileSync(path.join(folder.fsPath, 'Dockerfile'), mine);
        const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
        const result = await vscode.commands.executeCommand<unknown>('parity.app.package', folder, {
            interactive: false,
        });
        assert.equal(result, undefined, 'the build failed');
        assert.equal(fs.readFileSync(dockerfile.fsPath, 'utf8'), mine, "the user's Dockerfile is untouched");
        const [problem] = vscode.languages
            .getDiagnostics(dockerfile)
            .filter((diagnostic) => diagnostic.source === 'parity build');
        assert.ok(problem, 'a Problems entry on the Dockerfile');
        assert.equal(problem.range.start.line, 3);
        assert.match(problem.message, /exited with code 4/);
        assert.match(problem.message, /tests are red/);
    });

    it('asks for the port when none is found; "none — it is a worker" is taken, said in the plan, and the image exposes none', async () => {
        const workspace = vscode.workspace.workspaceFolders?.[0];
        assert.ok(workspace, 'the e2e run opens a workspace folder');
        const folder = path.join(workspace.uri.fsPath, 'pkg-worker');
        fs.rmSync(folder, { recursive: true, force: true });
        fs.cpSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'projects', 'node-worker'), folder, {
            recursive: true,
        });
        let settled = false;
        const packaging = vscode.commands
            .executeCommand<{ tag: string; imageId: string } | undefined>('parity.app.package', vscode.Uri.file(folder))
            .then(
                (result) => {
                    settled = true;
                    return result;
                },
                (error: unknown) => {
                    settled = true;
                    throw error;
                },
            );
        // Enter on each quick input as it comes: the port question (its first item is "none — it is a worker"),
        // then the plan review (its first item is "Build with this plan").
        while (!settled) {
            await new Promise((resolve) => setTimeout(resolve, 250));
            await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        }
        const result = await packaging;
        assert.ok(result, 'no image — see the Parity log');
        built.push(result.tag);
        const plan = JSON.parse(fs.readFileSync(path.join(folder, '.parity', 'plan.json'), 'utf8')) as {
            port: { value: number | null; why: string };
        };
        assert.equal(plan.port.value, null);
        assert.match(
            plan.port.why,
            /^You said the app listens on no port \(override\)/,
            'the answer to the question, not the guess',
        );
        assert.doesNotMatch(fs.readFileSync(path.join(folder, 'Dockerfile'), 'utf8'), /^EXPOSE/m);
        assert.equal(dockerCli(['image', 'inspect', '--format', '{{len .Config.ExposedPorts}}', result.tag]), '0');
    });
});
