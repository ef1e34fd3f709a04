// Benchmark: a Swarm service of 10 replicas of parity-testbed/web:1 on the test bed's cloud engine (made and removed
// here), captured as `swarm:SERVICE` — every task probed concurrently, then the drift between them — over the
// mutual-TLS port and the unix socket. Median of several runs after one warm-up, and the median time of one
// task's probe inside those runs. Target: the whole service in under 3 s. Figures only.
//
//   node --import tsx scripts/bench/swarmProbeBench.ts [--runs N] [--replicas N] [--per-engine N] [--socket-only]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { EngineClient } from '../../src/engine/EngineClient';
import { probeLiveContainer } from '../../src/pipeline/diff/probeLiveContainer';
import type { ProbeOptions } from '../../src/targets/probe/ProbeOptions';
import { captureSwarmService, PROBES_PER_ENGINE } from '../../src/targets/swarm/captureSwarmService';
import { figure, runBench, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

const state = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const option = (name: string, fallback: number): number => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const replicas = option('--replicas', 10);
const only = process.argv.includes('--socket-only');
const perEngine = option('--per-engine', PROBES_PER_ENGINE);
const cloudSocket = `unix://${join(state, 'cloud', 'docker.sock')}`;
const service = `parity-bench-swarm-${process.pid}`;
const label = 'parity.purpose=bench';

const ways = [
    {
        label: 'tcp:// + TLS',
        host: `tcp://127.0.0.1:${process.env.PARITY_CLOUD_PORT ?? '2376'}`,
        env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(state, 'cloud', 'certs', 'client') },
    },
    { label: 'unix socket', host: cloudSocket, env: {} },
];

const cloud = (args: readonly string[]): string =>
    execFileSync('docker', [...args], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: cloudSocket } }).trim();

async function waitForReplicas(): Promise<void> {
    const started = Date.now();
    while (
        cloud(['service', 'ps', service, '--filter', 'desired-state=running', '--format', '{{.CurrentState}}'])
            .split('\n')
            .filter((line) => line.startsWith('Running')).length < replicas
    ) {
        if (Date.now() - started > 120_000) {
            throw new Error(`${replicas} tasks of ${service} did not start within 120 s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

/** One capture of the service: its wall time, and each task's probe time. */
async function captureOnce(
    client: EngineClient,
    options: ProbeOptions,
): Promise<{ totalMs: number; taskMs: number[]; probed: number; drift: number }> {
    const taskMs: number[] = [];
    let probed = 0;
    const timed = async (engine: EngineClient, container: string, probeOptions: ProbeOptions): Promise<Snapshot> => {
        const started = performance.now();
        const snapshot = await probeLiveContainer(engine, container, probeOptions);
        taskMs.push(performance.now() - started);
        probed += 1;
        return snapshot;
    };
    const started = performance.now();
    const captured = await captureSwarmService(client, service, options, { probe: timed, probesPerEngine: perEngine });
    return { totalMs: performance.now() - started, taskMs, probed, drift: captured.drift.length };
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const figures: BenchFigure[] = [];
    const notes: string[] = [];
    cloud([
        'service',
        'create',
        '--detach',
        '--quiet',
        '--name',
        service,
        '--label',
        label,
        '--container-label',
        label,
        '--replicas',
        String(replicas),
        '--no-resolve-image',
        'parity-testbed/web:1',
    ]);
    try {
        await waitForReplicas();
        notes.push(
            `swarm:SERVICE of ${replicas} tasks of parity-testbed/web:1 on the test bed's cloud engine, every task probed concurrently (${perEngine} at a time)`,
        );
        for (const way of only ? ways.slice(1) : ways) {
            const env = { ...process.env, DOCKER_HOST: '', ...way.env };
            const client = new EngineClient(await resolveEngine({ value: way.host, source: 'bench' }, env), {
                log: silentLogger,
                env,
            });
            const options: ProbeOptions = { log: silentLogger, toolVersion: 'bench', envKey: EnvHashKey.generate() };
            await captureOnce(client, options);
            const samples = [];
            for (let run = 0; run < runs; run += 1) {
                samples.push(await captureOnce(client, options));
            }
            const totals = samples.map((sample) => sample.totalMs);
            const tasks = samples.flatMap((sample) => sample.taskMs);
            figures.push(
                figure(`${way.label}: whole service captured`, totals, 'ms', { target: { op: '<', value: 3000 } }),
                figure(`${way.label}: one task's probe inside the capture`, tasks, 'ms'),
            );
            notes.push(
                `${way.label}: ${samples[0]?.probed ?? 0}/${replicas} probed, ${samples[0]?.drift ?? 0} drift findings`,
            );
        }
    } finally {
        cloud(['service', 'rm', service]);
    }
    return { bench: 'swarm', figures, notes };
}

if (require.main === module) {
    runBench(run, 7);
}
