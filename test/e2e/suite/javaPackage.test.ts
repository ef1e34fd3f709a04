// Parity: Package App on a Java project in the real VS Code: the Maven mirror from the settings, the build on the
// real engine (Maven in its JDK image, the jar on the JRE), and the app answering in the sandbox.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mavenMirrorUrl } from '../../engine/mavenMirror';
import { dockerCli } from '../../support/dockerCli';
import { waitFor } from '../../support/waitFor';
import { waitForHttp } from '../../support/waitForHttp';
import { fixtureInWorkspace } from './exampleInWorkspace';

interface RunResult {
    readonly name: string;
    readonly url: string | null;
    readonly exit?: { readonly reason: string };
}

describe('Parity: Package App on a Java project', () => {
    const built: string[] = [];
    const recipe = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('parity.recipe');
    before(async () => {
        await recipe().update('dependencyMirrors', { maven: mavenMirrorUrl() }, vscode.ConfigurationTarget.Global);
    });
    after(async () => {
        await recipe().update('dependencyMirrors', undefined, vscode.ConfigurationTarget.Global);
        for (const tag of built) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
    });

    it('packages an embedded-Jetty app through the Maven mirror of the settings, and it answers in the sandbox', async function () {
        // A cold Maven build (plugins and jetty through the mirror) takes longer than the suite's default minute.
        this.timeout(10 * 60_000);
        const folder = fixtureInWorkspace('java-jetty-maven', 'pkg-java');
        const result = await vscode.commands.executeCommand<{ tag: string; imageId: string } | undefined>(
            'parity.app.package',
            folder,
            { interactive: false },
        );
        assert.ok(result, 'no image — see the Parity log');
        built.push(result.tag);
        const dockerfile = fs.readFileSync(path.join(folder.fsPath, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /^FROM maven:3\.8\.7-eclipse-temurin-17 AS build$/m);
        assert.match(dockerfile, /^FROM eclipse-temurin:17-jre$/m);
        assert.ok(
            dockerfile.includes(`<url>${mavenMirrorUrl()}</url>`),
            'the mirror from the settings is in the build stage',
        );
        const plan = JSON.parse(fs.readFileSync(path.join(folder.fsPath, '.parity', 'plan.json'), 'utf8')) as {
            ecosystem: string;
            port: { value: number };
        };
        assert.equal(plan.ecosystem, 'java');
        assert.equal(plan.port.value, 8080);

        const run = await vscode.commands.executeCommand<RunResult | undefined>('parity.sandbox.run', folder);
        assert.ok(run?.url, `the sandbox was not ready: ${run?.exit?.reason ?? 'see the Parity log'}`);
        const answer = JSON.parse(await waitForHttp(`${run.url}/`)) as Record<string, unknown>;
        assert.equal(answer.hello, 'jetty');
        assert.match(String(answer.java), /^17\./);
        const terminal = vscode.window.terminals.find((each) => each.name === 'Parity: pkg-java');
        assert.ok(terminal, 'the logs stream into a terminal named after the project');
        terminal.dispose();
        await waitFor(
            'the sandbox is removed once its terminal closes',
            () => dockerCli(['ps', '-aq', '--filter', `name=^${run.name}$`]) === '',
            30_000,
        );
    });
});
