// Benchmark: the Targets view's rows with dead targets among them. What TargetsTreeProvider.getChildren does
// for the top level — parse the saved targets, read each one's last snapshot from storage, shape each row with
// whatever is known about its engine (TargetReachability starts the pings and never waits for them) — timed
// from the call to the rows, with a fresh reachability each run so every engine is pinged again. The engines
// are real: the main socket, the test bed's cloud over tcp:// + TLS and over ssh://, a refused port, and a
// loopback port that accepts and never answers (the worst dead engine: it holds its ping until the timeout).
// Then when each engine's answer arrived. Figures only; the aim is rows in under 200 ms.
//
//   node --import tsx scripts/bench/targetsBench.ts [--runs N]
import { mkdtempSync, rmSync } from 'node:fs';
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
import { figure, runBench, type BenchOptions, type BenchResult } from './benchKit';

const state = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const PING_MS = 3000;

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
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
    const engineNames = ['local', 'cloud tls', 'cloud ssh', 'refused', 'silent'];
    return {
        bench: 'targets',
        figures: [
            figure(`getChildren → ${values.length} rows (5 engines, 2 of them dead)`, rowsMs, 'ms', {
                target: { op: '<', value: 200 },
            }),
            ...engineNames.map((name) =>
                figure(`engine "${name}": its answer in the row after`, settled.get(name) ?? [], 'ms'),
            ),
        ],
        notes: [
            `answers: ${engineNames
                .map((name) => {
                    const reach = reaches.get(name);
                    return `${name} → ${reach?.kind}${reach && 'reason' in reach ? ` (${reach.reason})` : ''}`;
                })
                .join('; ')}`,
            `a dead engine's row waits for the ${PING_MS} ms ping limit; the rows themselves never wait`,
        ],
    };
}

if (require.main === module) {
    runBench(run, 21);
}
