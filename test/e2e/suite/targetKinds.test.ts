// Every kind of saved target through the Targets view's Diff with This Project, in the real VS Code extension
// host, against the test bed's real components: an image on the main engine, a container and a Swarm service
// on the "cloud" engine (its socket), an image in the loopback registry (pulled, probed, removed again) and a
// saved snapshot file. "This project" is the workspace's folder, the `from` side of each. The UI test (test/e2e/ui/targetsView.test.ts) adds a target through the screens; this
// one covers the kinds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DiffReport } from '../../../src/core/diff/DiffReport';
import { parseDiffTarget } from '../../../src/core/diff/DiffTarget';
import type { SavedTarget } from '../../../src/core/savedTargets/SavedTarget';
import { dockerCli } from '../../support/dockerCli';
import { exampleInWorkspace } from './exampleInWorkspace';

const STATE = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const CLOUD = `unix://${path.join(STATE, 'cloud', 'docker.sock')}`;
const CLOUD_ENV = { ...process.env, DOCKER_HOST: CLOUD, DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '' };
const REGISTRY = '127.0.0.1:5000';
const SERVICE = process.env.PARITY_SWARM_SERVICE ?? 'parity-web';
const CONTAINER = `parity-e2e-kinds-${process.pid}`;
const PUSHED = `${REGISTRY}/parity-e2e/busybox:${process.pid}`;

/** A row of the Targets view, as the view hands it to its commands. */
function row(name: string, text: string): { kind: 'target'; saved: SavedTarget } {
    return { kind: 'target', saved: { name, text, target: parseDiffTarget(text), origin: { kind: 'user-settings' } } };
}

/** `shown`: how the report names the side, when not as saved (a path inside the project is given relative to it). */
async function diffWithProject(name: string, text: string, shown = text): Promise<DiffReport> {
    const result = await vscode.commands.executeCommand<{ report: DiffReport } | undefined>(
        'parity.targets.diffWithProject',
        row(name, text),
    );
    assert.ok(result, `${text}: no comparison — see the Parity log`);
    assert.equal(result.report.to.target, shown);
    return result.report;
}

describe('Targets of every kind: Diff with This Project against the test bed', () => {
    let project: vscode.Uri;

    before(async () => {
        await vscode.extensions.getExtension('parity.parity')?.activate();
        assert.ok(
            fs.existsSync(path.join(STATE, 'cloud', 'docker.sock')),
            'the cloud engine is not up — run: bash scripts/testbed.sh up cloud swarm',
        );
        project = exampleInWorkspace('hello-node', 'kinds-node');
        dockerCli(
            [
                'run',
                '-d',
                '--name',
                CONTAINER,
                '--label',
                'parity.managed=true',
                '--label',
                'parity.purpose=test',
                'node:20.20.2-bookworm-slim',
                'sleep',
                '600',
            ],
            CLOUD_ENV,
        );
        // In the registry only: the target's engine must pull it.
        dockerCli(['tag', 'busybox:latest', PUSHED]);
        dockerCli(['push', '--quiet', PUSHED]);
        dockerCli(['rmi', PUSHED]);
    });
    after(async () => {
        dockerCli(['rm', '--force', CONTAINER], CLOUD_ENV);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('image: on the engine Parity talks to', async () => {
        const report = await diffWithProject('local busybox', 'image:busybox:latest');
        assert.equal(report.to.kind, 'image');
        assert.equal(report.to.ref, 'busybox:latest');
        assert.match(report.to.id ?? '', /^sha256:/);
    });

    it('container: on another engine, named with @ENGINE', async () => {
        const report = await diffWithProject('cloud container', `container:${CONTAINER}@${CLOUD}`);
        assert.equal(report.to.kind, 'container');
        assert.equal(report.to.ref, CONTAINER);
    });

    it("swarm: every task of the test bed's service, alike, so no drift", async () => {
        const report = await diffWithProject('cloud service', `swarm:${SERVICE}@${CLOUD}`);
        assert.equal(report.to.kind, 'container');
        assert.match(report.to.ref, new RegExp(`^${SERVICE}\\.1\\.`));
        assert.ok(
            !report.findings.some((finding) => finding.rule === 'swarm.drift'),
            JSON.stringify(report.findings.filter((finding) => finding.rule === 'swarm.drift')),
        );
    });

    it('registry: pulled by the engine, probed, and removed again', async () => {
        const report = await diffWithProject('registry busybox', `registry:${PUSHED}`);
        assert.equal(report.to.kind, 'image');
        assert.equal(dockerCli(['image', 'ls', '--quiet', PUSHED]), '', 'the image pulled only to probe it is gone');
    });

    it('file: a snapshot saved by Snapshot Environment', async () => {
        await vscode.commands.executeCommand('parity.snapshot.capture', project);
        const saved = path.join(project.fsPath, '.parity', 'local.snapshot.json');
        assert.ok(fs.existsSync(saved));
        const report = await diffWithProject(
            'saved snapshot',
            `file:${saved}`,
            'file:kinds-node/.parity/local.snapshot.json',
        );
        assert.equal(report.to.kind, 'host');
        assert.equal(
            report.to.capturedAt,
            (JSON.parse(fs.readFileSync(saved, 'utf8')) as { meta: { capturedAt: string } }).meta.capturedAt,
            'the saved snapshot is the side, not a new capture',
        );
    });
});
