// Benchmark: the Targets view's rows with dead targets among them. What TargetsTreeProvider.getChildren does
// for the top level — parse the saved targets, read each one's last snapshot from storage, shape each row with
// whatever is known about its engine (TargetReachability starts the pings and never waits for them) — timed
// from the call to the rows, with a fresh reachability each run so every engine is pinged again. The engines
// are real: the main socket, the test bed's cloud over tcp:// + TLS and over ssh://, a refused port, and a
// loopback port that accepts and never answers (the worst dead engine: it holds its ping until the timeout).
// Then when each engine's answer arrived. Figures only; the aim is rows in under 200 ms.
//
//   node --import tsx scripts/bench/targetsBench.ts [--runs N]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { parseSavedTargets } from '../../src/core/savedTargets/parseSavedTargets';
import { targetRow, type TargetReach } from '../../src/core/savedTargets/targetRow';
import { EngineClient } from '../../src/engine/EngineClient';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { TargetEngines } from '../../src/vscode/TargetEngines';
import { TargetReachability } from '../../src/vscode/targets/TargetReachability';
import { TargetSnapshots } from '../../src/vscode/targets/TargetSnapshots';
import { silentServer } from '../../test/support/ports';
import { validSnapshot } from '../../test/unit/core/snapshot/validSnapshot';

const state = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;
const PING_MS = 3000;

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
    const silent = await silentServer();
    const env = {
        ...process.env,
        DOCKER_HOST: '',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: join(state, 'cloud', 'certs', 'client'),
        SSH_AUTH_SOCK: '',
        PARITY_SSH_IDENTITY_FILE: join(state, 'ssh', 'id_ed25519'),
        PARITY_SSH_KNOWN_HOSTS: join(state, 'ssh', 'known_hosts'),
    };
    const values = [
        { name: 'local', target: 'container:api' },
        { name: 'cloud tls', target: `container:api@tcp://127.0.0.1:${process.env.PARITY_CLOUD_PORT ?? '2376'}` },
        {
            name: 'cloud ssh',
            target: `swarm:parity-web@ssh://parity-deploy@127.0.0.1:${process.env.PARITY_SSH_PORT ?? '2222'}`,
        },
        { name: 'refused', target: 'container:api@tcp://127.0.0.1:1' },
        { name: 'silent', target: `image:app@tcp://127.0.0.1:${silent.port}` },
        ...Array.from({ length: 15 }, (_, index) => ({ name: `image ${index}`, target: `image:app-${index}:1` })),
    ];
    const storage = mkdtempSync(join(tmpdir(), 'parity-targets-bench-'));
    const snapshots = new TargetSnapshots(storage);
    const { targets: seeded } = parseSavedTargets(values, { kind: 'workspace-settings' });
    // Half the targets have a last snapshot on disk, as after a few diffs.
    await Promise.all(
        seeded.filter((_, index) => index % 2 === 0).map((saved) => snapshots.save(saved, validSnapshot)),
    );
    const current = (async () =>
        new EngineClient(await resolveEngine(undefined, { ...env, DOCKER_TLS_VERIFY: '' }), {
            log: silentLogger,
            env,
        }))();
    const engines = new TargetEngines({ current: () => current, timeoutMs: () => 10_000, log: silentLogger, env });

    const rowsMs: number[] = [];
    const settled = new Map<string, number[]>();
    let reaches: Map<string, TargetReach> = new Map();
    try {
        for (let run = 0; run <= runs; run++) {
            const fresh = new TargetSnapshots(storage);
            const answered = new Map<string, number>();
            let started = 0;
            const reachability = new TargetReachability({
                client: (engine) => engines.client(engine),
                pingMs: PING_MS,
                onChange: (targets) =>
                    targets.forEach((target) => answered.set(target.name, performance.now() - started)),
            });
            started = performance.now();
            // getChildren: the saved targets, their snapshots' ages, a row each.
            const { targets } = parseSavedTargets(values, { kind: 'workspace-settings' });
            const nodes = await Promise.all(targets.map(async (saved) => ({ saved, stored: await fresh.get(saved) })));
            const rows = nodes.map(({ saved, stored }) =>
                targetRow(saved, reachability.reachOf(saved), stored?.capturedAtMs, Date.now()),
            );
            const ms = performance.now() - started;
            if (rows.length !== values.length || rows.some((row) => !row.description.includes('checking…'))) {
                throw new Error('every row should be there, still checking, when the rows return');
            }
            await reachability.settled();
            reaches = new Map(targets.map((saved) => [saved.name, reachability.reachOf(saved)]));
            reachability.dispose();
            if (run > 0) {
                rowsMs.push(ms);
                for (const [name, at] of answered) {
                    settled.set(name, [...(settled.get(name) ?? []), at]);
                }
            }
        }
    } finally {
        await silent.close();
        engines.dispose();
        rmSync(storage, { recursive: true, force: true });
    }
    console.log(
        `targets view benchmark (2 cores, ${runs} runs after one warm-up; ${values.length} targets on 5 engines, 2 of them dead)`,
    );
    console.log(
        `  getChildren → ${values.length} rows: median ${median(rowsMs).toFixed(2)} ms, max ${Math.max(...rowsMs).toFixed(2)} ms (aim: under 200 ms)`,
    );
    for (const name of ['local', 'cloud tls', 'cloud ssh', 'refused', 'silent']) {
        const reach = reaches.get(name);
        console.log(
            `  ${name.padEnd(10)} answer in the row after median ${median(settled.get(name) ?? []).toFixed(0)} ms → ${reach?.kind}${reach && 'reason' in reach ? ` (${reach.reason})` : ''}`,
        );
    }
    // The same path through the real TargetsTreeProvider, vscode.TreeItem included, timed in VS Code itself.
    const recorded = join(__dirname, '..', '..', 'test-results', 'targets-rows.json');
    console.log(
        existsSync(recorded)
            ? `  in VS Code (recorded ${statSync(recorded).mtime.toISOString()} by the extension-host suite): ${readFileSync(recorded, 'utf8').replace(/\s+/g, ' ').trim()}`
            : '  in VS Code: not recorded yet — run: node scripts/build.mjs && node scripts/build-e2e.mjs && node out/e2e/runExtensionTests.js',
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
