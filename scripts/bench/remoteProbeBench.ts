// Benchmark: a running container on the test bed's TLS engine (the "cloud", scripts/testbed/cloud.sh) probed by
// a fresh `parity snapshot --target container:X -H tcp://…` process, and the same over ssh:// and on the local
// socket for comparison. Medians after one warm-up run; the target is under 1 s over TLS. Figures only.
// In-process, per engine: "connect + probe" — a fresh client each time (engine resolution, the TLS or ssh
// handshake, the probe), what a long-lived process such as VS Code pays for a target it has not talked to
// yet — and "warm probe", a client already connected.
//
//   node --import tsx scripts/bench/remoteProbeBench.ts [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import { EngineClient } from '../../src/engine/EngineClient';
import { resolveEngine } from '../../src/engine/resolveEngine';
import { probeContainer } from '../../src/targets/container/probeContainer';
import { figure, runBench, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

const root = join(__dirname, '..', '..');
const state = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const cloudSocket = `unix://${join(state, 'cloud', 'docker.sock')}`;
const name = `parity-bench-remote-${process.pid}`;

interface Way {
    readonly label: string;
    readonly host: string;
    readonly env: NodeJS.ProcessEnv;
}

const ways: Way[] = [
    {
        label: 'tcp:// + TLS',
        host: `tcp://127.0.0.1:${process.env.PARITY_CLOUD_PORT ?? '2376'}`,
        env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(state, 'cloud', 'certs', 'client') },
    },
    {
        label: 'ssh://',
        host: `ssh://parity-deploy@127.0.0.1:${process.env.PARITY_SSH_PORT ?? '2222'}`,
        env: {
            SSH_AUTH_SOCK: '',
            PARITY_SSH_IDENTITY_FILE: join(state, 'ssh', 'id_ed25519'),
            PARITY_SSH_KNOWN_HOSTS: join(state, 'ssh', 'known_hosts'),
        },
    },
    { label: 'unix socket', host: cloudSocket, env: {} },
];

/** Wall time of one fresh CLI process, and the probe's own time as its --verbose log reports it. */
function probeOnce(way: Way): { wallMs: number; probeMs: number } {
    const started = performance.now();
    const result = spawnSync(
        process.execPath,
        [
            join(root, 'dist', 'cli.js'),
            'snapshot',
            '-v',
            '--target',
            `container:${name}`,
            '-H',
            way.host,
            '--out',
            '/dev/null',
        ],
        { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: '', ...way.env } },
    );
    const wallMs = performance.now() - started;
    if (result.status !== 0) {
        throw new Error(`parity snapshot over ${way.label} failed: ${result.stderr}`);
    }
    return { wallMs, probeMs: Number(/probe: container \S+ in (\d+) ms/.exec(result.stderr)?.[1] ?? NaN) };
}

/**
 * In this process: a fresh client per run (connect + probe), then the probe alone with a client already
 * connected (what the transport itself costs per probe).
 */
async function probeInProcess(way: Way, runs: number): Promise<{ connectAndProbe: number[]; warm: number[] }> {
    const env = { ...process.env, DOCKER_HOST: '', ...way.env };
    const options = { log: silentLogger, toolVersion: 'bench', envKey: EnvHashKey.generate() };
    const connect = async (): Promise<EngineClient> =>
        new EngineClient(await resolveEngine({ value: way.host, source: 'bench' }, env), { log: silentLogger, env });
    await probeContainer(await connect(), name, options);
    const connectAndProbe: number[] = [];
    for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await probeContainer(await connect(), name, options);
        connectAndProbe.push(performance.now() - started);
    }
    const client = await connect();
    await probeContainer(client, name, options);
    const warm: number[] = [];
    for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await probeContainer(client, name, options);
        warm.push(performance.now() - started);
    }
    return { connectAndProbe, warm };
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const figures: BenchFigure[] = [];
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'ignore' });
    const cloud = (args: string[]): string =>
        execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: cloudSocket } });
    cloud([
        'run',
        '-d',
        '--name',
        name,
        '--label',
        'parity.managed=true',
        '--label',
        'parity.purpose=bench',
        'node:20.20.2-bookworm-slim',
        'sleep',
        '600',
    ]);
    try {
        for (const way of ways) {
            probeOnce(way);
            const samples = Array.from({ length: runs }, () => probeOnce(way));
            const inProcess = await probeInProcess(way, runs);
            figures.push(
                figure(
                    `${way.label}: fresh \`parity snapshot --target container:X -H …\` process`,
                    samples.map((one) => one.wallMs),
                    'ms',
                    way.label.includes('TLS') ? { target: { op: '<', value: 1000 } } : {},
                ),
                figure(
                    `${way.label}: the probe inside that process`,
                    samples.map((one) => one.probeMs),
                    'ms',
                ),
                figure(`${way.label}: in-process connect + probe`, inProcess.connectAndProbe, 'ms'),
                figure(`${way.label}: warm probe (client connected)`, inProcess.warm, 'ms'),
            );
        }
    } finally {
        cloud(['rm', '--force', name]);
    }
    return { bench: 'remote', figures };
}

if (require.main === module) {
    runBench(run, 7);
}
