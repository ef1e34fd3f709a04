// The Targets view's provider inside the real VS Code extension host: rows for saved targets (the user's
// parity.targets) come back while a dead engine (refused) and a silent one (accepts, never answers) are still
// being checked; each row then changes alone when its engine's answer arrives. Records how long getChildren
// takes for the benchmark (npm run bench:targets prints it) — a figure, not an assertion.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/Logger';
import { EngineConnection } from '../../../src/vscode/EngineConnection';
import { TargetEngines } from '../../../src/vscode/TargetEngines';
import { TargetReachability } from '../../../src/vscode/targets/TargetReachability';
import { TargetSnapshots } from '../../../src/vscode/targets/TargetSnapshots';
import { type TargetNode, TargetsTreeProvider } from '../../../src/vscode/views/TargetsTreeProvider';
import { closedPort, silentServer } from '../../support/ports';

describe('Targets view in the extension host', () => {
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-targets-e2e-'));
    let silent: Awaited<ReturnType<typeof silentServer>>;
    let engine: EngineConnection;
    let engines: TargetEngines;
    let reachability: TargetReachability;
    let provider: TargetsTreeProvider;
    const changed: TargetNode[] = [];

    before(async () => {
        silent = await silentServer();
        const refused = await closedPort();
        await vscode.workspace.getConfiguration('parity').update(
            'targets',
            [
                { name: 'local image', target: 'image:busybox' },
                { name: 'refused', target: `container:api@tcp://127.0.0.1:${refused}` },
                { name: 'silent', target: `container:api@tcp://127.0.0.1:${silent.port}` },
                ...Array.from({ length: 17 }, (_, index) => ({
                    name: `image ${index}`,
                    target: `image:app-${index}:1`,
                })),
            ],
            vscode.ConfigurationTarget.Global,
        );
        engine = new EngineConnection(silentLogger);
        engines = new TargetEngines({ current: () => engine.client(), timeoutMs: () => 10_000, log: silentLogger });
        reachability = new TargetReachability({
            client: (ref) => engines.client(ref),
            pingMs: 3000,
            onChange: (targets) => provider.reachabilityChanged(targets),
        });
        provider = new TargetsTreeProvider(reachability, new TargetSnapshots(storage), silentLogger);
        provider.onDidChangeTreeData((node) => {
            if (node) {
                changed.push(node);
            }
        });
    });
    after(async () => {
        provider.dispose();
        reachability.dispose();
        engines.dispose();
        engine.dispose();
        await silent.close();
        await vscode.workspace
            .getConfiguration('parity')
            .update('targets', undefined, vscode.ConfigurationTarget.Global);
        fs.rmSync(storage, { recursive: true, force: true });
    });

    it("gives every row at once, still checking; the live engine's row turns reachable and the dead ones say why", async () => {
        let rows: TargetNode[] = [];
        // Twice: the second time the rows come from a cleared state again, not from the first run's checks.
        for (let run = 0; run < 2; run++) {
            // The last run's checks finish first (the silent engine takes its 3 s), then everything is forgotten.
            await reachability.settled();
            reachability.clear();
            rows = await provider.getChildren();
            const items = rows.map((row) => provider.getTreeItem(row));
            assert.equal(items.length, 20);
            assert.ok(
                items.every((item) => String(item.description).includes('checking…')),
                'a row waited for its engine',
            );
        }
        await reachability.settled();
        const description = (name: string): string =>
            String(
                provider.getTreeItem(rows.find((row) => row.kind === 'target' && row.saved.name === name) as TargetNode)
                    .description,
            );
        assert.match(description('local image'), /· reachable ·/);
        assert.match(description('refused'), /not reachable — nothing answers there/);
        assert.match(description('silent'), /not reachable — no answer within 3 s/);
        assert.ok(
            changed.length > 0 && changed.every((node) => node.kind === 'target'),
            'only rows were redrawn, never the whole view',
        );
    });
});
