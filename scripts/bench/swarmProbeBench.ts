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

const state = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const option = (name: string, fallback: number): number => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const runs = option('--runs', 7);
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

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

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

async function main(): Promise<void> {
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
        const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
        console.log(
            `swarm probe benchmark — swarm:${service} (${replicas} tasks of parity-testbed/web:1), every task probed concurrently (${perEngine} at a time), ${runs} runs after one warm-up, medians (load average ${load}; ${execFileSync('nproc', { encoding: 'utf8' }).trim()} CPUs)`,
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
            console.log(
                `  ${way.label.padEnd(13)} whole service ${median(totals).toFixed(0).padStart(5)} ms (min ${Math.min(...totals).toFixed(0)}, max ${Math.max(...totals).toFixed(0)})` +
                    ` · per task ${median(tasks).toFixed(0).padStart(4)} ms · ${samples[0]?.probed ?? 0}/${replicas} probed · ${samples[0]?.drift ?? 0} drift findings · target < 3000 ms: ${median(totals) < 3000 ? 'met' : 'NOT met'}`,
            );
        }
    } finally {
        cloud(['service', 'rm', service]);
    }
}

main().catch((error: unknown) => {
    process.exitCode = 1;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
});
