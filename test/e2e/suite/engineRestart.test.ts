// The views recover by themselves when their engine is killed and started again, in the real VS Code: the
// parity.docker.host setting points them at the test bed's fault engine (scripts/testbed/fault-engine.sh),
// which this test kills with SIGKILL and starts again on the same socket. Nothing is refreshed by hand: the
// tree provider is asked for its rows whenever it says they changed, as VS Code's tree view does. The time
// from the engine answering again to the rows being back is printed, never asserted.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/Logger';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { containersView, type ContainerNode } from '../../../src/vscode/views/containersView';
import { EngineTreeProvider } from '../../../src/vscode/views/EngineTreeProvider';
import { LiveEngineViews } from '../../../src/vscode/views/LiveEngineViews';

const EXTENSION_ID = 'parity.parity';
const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(repoRoot, 'scripts', 'testbed', 'fault-engine.sh');
const SOCKET = path.join(process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed', 'fault-engine', 'docker.sock');
const HOST = `unix://${SOCKET}`;
const NAME = `parity-e2e-restart-${process.pid}`;

function faultDocker(args: readonly string[]): string {
    return execFileSync('docker', [...args], {
        encoding: 'utf8',
        env: { ...process.env, DOCKER_HOST: HOST },
        stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
}

/** Resolves once `condition` holds, checked whenever `changed` is signalled; fails after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) {
            throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('Views recover after their engine is killed and restarted', () => {
    let engine: EngineConnection;
    let containers: EngineTreeProvider<ContainerNode>;
    let live: LiveEngineViews;
    const visibility = new vscode.EventEmitter<unknown>();
    /** The container names the view shows now (as VS Code would, after each change it signals). */
    let shown: string[] = [];
    let loads = 0;

    before(async () => {
        try {
            faultDocker(['version', '--format', '{{.Server.Version}}']);
        } catch (error) {
            throw new Error(
                `No fault engine answers on ${HOST}. Start it with: bash scripts/testbed.sh up fault-engine`,
                {
                    cause: error,
                },
            );
        }
        faultDocker([
            'run',
            '--detach',
            '--name',
            NAME,
            '--label',
            'parity.test=views',
            'busybox:latest',
            'sleep',
            '600',
        ]);
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
        await vscode.workspace
            .getConfiguration('parity.docker')
            .update('host', HOST, vscode.ConfigurationTarget.Global);
        engine = new EngineConnection(silentLogger);
        containers = new EngineTreeProvider(containersView, engine, silentLogger);
        live = new LiveEngineViews(
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
        const load = async (): Promise<void> => {
            loads++;
            const nodes = await containers.getChildren();
            shown = nodes.flatMap((node) => (node.kind === 'item' ? [node.value.row.name] : []));
        };
        containers.onDidChangeTreeData(() => void load());
        await load();
    });
    after(async () => {
        live.dispose();
        containers.dispose();
        engine.dispose();
        visibility.dispose();
        await vscode.workspace
            .getConfiguration('parity.docker')
            .update('host', undefined, vscode.ConfigurationTarget.Global);
        execFileSync('bash', [SCRIPT, 'up'], { stdio: 'ignore' });
        faultDocker(['rm', '--force', NAME]);
    });

    it('kill -9 the engine: the rows go; start it again: they come back with no user action — prints the time', async () => {
        await until('the container is in the view', () => shown.includes(NAME), 30_000);

        await run('bash', [SCRIPT, 'kill']);
        await until('the view shows the engine is gone', () => !shown.includes(NAME), 30_000);
        const loadsWhileDown = loads;

        const restarting = performance.now();
        await run('bash', [SCRIPT, 'up']);
        const answering = performance.now();
        await until('the view shows the container again', () => shown.includes(NAME), 60_000);
        const recovered = performance.now();

        assert.ok(loads > loadsWhileDown, 'the view reloaded by itself');
        console.log(
            `[views] recovered ${Math.round(recovered - answering)} ms after the engine answered again (${Math.round(recovered - restarting)} ms after its restart began, the restart itself ${Math.round(answering - restarting)} ms)`,
        );
    });
});
