// Run like Target in the real VS Code against the real engine: the command with a target string (as the
// Targets view calls it), values for the target's variables given as arguments, and the app answering from a
// sandbox that runs like the target (its zone, its uid) without root's powers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { imageTagFor } from '../../../src/pipeline/imageTagFor';
import { dockerCli } from '../../support/dockerCli';
import { waitForHttp } from '../../support/waitForHttp';
import { exampleInWorkspace } from './exampleInWorkspace';

interface RunResult {
    readonly name: string;
    readonly url: string | null;
}

const TARGET = `parity-e2e-like-${process.pid}`;

describe('Parity: Run like Target', () => {
    let folder: vscode.Uri | undefined;
    before(async () => {
        await vscode.extensions.getExtension('parity.parity')?.activate();
        dockerCli([
            'run',
            '-d',
            '--name',
            TARGET,
            '--label',
            'parity-test=e2e-like',
            '--user',
            '1000:1000',
            '-e',
            'TZ=Asia/Tokyo',
            '-e',
            'FOO=x',
            '-e',
            'BAR=y',
            '--ulimit',
            'nofile=4096:4096',
            'node:20.20.2-bookworm-slim',
            'sleep',
            'infinity',
        ]);
    });
    after(() => {
        dockerCli(['rm', '--force', TARGET]);
        if (folder) {
            for (const id of dockerCli(['ps', '-aq', '--filter', `label=parity.project=${folder.fsPath}`])
                .split('\n')
                .filter(Boolean)) {
                dockerCli(['rm', '--force', id]);
            }
            try {
                dockerCli(['rmi', '--force', imageTagFor(folder.fsPath)]);
            } catch {
                // Not built.
            }
        }
    });

    it("runs the project like a container named by a target string: the app answers in the target's zone, as its uid, without capabilities", async () => {
        folder = exampleInWorkspace('hello-node', 'like-node');
        fs.writeFileSync(path.join(folder.fsPath, '.env'), 'FOO=from-dotenv\n');
        const result = await vscode.commands.executeCommand<RunResult | undefined>('parity.runLikeTarget', {
            like: `container:${TARGET}`,
            folder: folder.fsPath,
            values: { BAR: 'given' },
        });
        assert.ok(result?.url, 'the app answered');
        const body = await waitForHttp(result.url);
        assert.match(body, /"tz":"Asia\/Tokyo"/, "the app tells time in the target's zone");
        const status = dockerCli(['exec', result.name, 'cat', '/proc/1/status']);
        assert.match(status, /^Uid:\s+1000\s/m);
        assert.match(status, /^CapEff:\s+0000000000000000$/m);
        assert.match(status, /^NoNewPrivs:\s+1$/m);
        const environ = dockerCli(['exec', result.name, 'sh', '-c', 'tr "\\0" "\\n" < /proc/1/environ']).split('\n');
        assert.ok(environ.includes('FOO=from-dotenv') && environ.includes('BAR=given'), 'FOO from .env, BAR as given');
        dockerCli(['rm', '--force', result.name]);
    });

    it('says what is wrong with a target that is not one', async () => {
        const result = await vscode.commands.executeCommand<RunResult | undefined>('parity.runLikeTarget', 'nonsense');
        assert.equal(result, undefined);
    });
});
