// Package App on a Ruby project in the real VS Code: the gem mirror setting reaches the recipe, the image builds
// on the real engine through the test bed's mirror, and Run in Sandbox gets an answer from it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dockerCli } from '../../support/dockerCli';
import { waitForHttp } from '../../support/waitForHttp';
import { requireGemMirror } from '../../engine/gemMirror';
import { fixtureInWorkspace } from './exampleInWorkspace';

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

describe('Parity: Package App on a Ruby project', () => {
    const built: string[] = [];
    const folders: vscode.Uri[] = [];
    after(async () => {
        await vscode.workspace
            .getConfiguration('parity')
            .update('recipe.dependencyMirrors', undefined, vscode.ConfigurationTarget.Global);
        for (const id of folders.flatMap(sandboxesOf)) {
            dockerCli(['rm', '--force', id]);
        }
        for (const tag of built) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
    });

    it('packages a Sinatra app through the gem mirror setting, builds it, and it answers in the sandbox', async () => {
        const mirror = await requireGemMirror();
        await vscode.workspace
            .getConfiguration('parity')
            .update('recipe.dependencyMirrors', { rubygems: mirror }, vscode.ConfigurationTarget.Global);
        const folder = fixtureInWorkspace('ruby-sinatra-classic', 'pkg-ruby-sinatra');
        folders.push(folder);
        const result = await vscode.commands.executeCommand<{ tag: string; imageId: string } | undefined>(
            'parity.app.package',
            folder,
            { interactive: false },
        );
        assert.ok(result, 'no image — see the Parity log');
        built.push(result.tag);
        const dockerfile = fs.readFileSync(path.join(folder.fsPath, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /^FROM ruby:3\.1\.2-slim-bookworm AS deps$/m, 'the Ruby that runs here');
        assert.ok(
            dockerfile.includes(`RUN bundle config set --global mirror.https://rubygems.org ${mirror}`),
            dockerfile,
        );
        assert.match(dockerfile, /^CMD \["bundle", "exec", "ruby", "app\.rb", "-o", "0\.0\.0\.0"\]$/m);

        const run = await vscode.commands.executeCommand<
            { name: string; url: string | null; exit?: { reason: string } } | undefined
        >('parity.sandbox.run', folder);
        assert.ok(run?.url, `the sandbox was not ready: ${run?.exit?.reason ?? 'see the Parity log'}`);
        assert.match(await waitForHttp(`${run.url}/`), /hello from sinatra/);
    });
});
