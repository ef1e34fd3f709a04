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

const root = join(__dirname, '..', '..');
const state = process.env.PARITY_STATE_DIR ?? '/tmp/parity-testbed';
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
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

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

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
async function probeInProcess(way: Way): Promise<{ connectAndProbe: number[]; warm: number[] }> {
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

async function main(): Promise<void> {
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
        const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
        console.log(
            `remote probe benchmark — fresh \`parity snapshot --target container:X -H …\` process, ${runs} runs after one warm-up, medians (load average ${load})`,
        );
        for (const way of ways) {
            probeOnce(way);
            const samples = Array.from({ length: runs }, () => probeOnce(way));
            const inProcess = await probeInProcess(way);
            console.log(
                `  ${way.label.padEnd(14)} whole process ${median(samples.map((s) => s.wallMs))
                    .toFixed(0)
                    .padStart(5)} ms · probe ${median(samples.map((s) => s.probeMs))
                    .toFixed(0)
                    .padStart(5)} ms` +
                    ` · min ${Math.min(...samples.map((s) => s.wallMs)).toFixed(0)} ms · in-process connect + probe ${median(inProcess.connectAndProbe).toFixed(0).padStart(5)} ms` +
                    ` · warm probe ${median(inProcess.warm).toFixed(0).padStart(5)} ms`,
            );
        }
    } finally {
        cloud(['rm', '--force', name]);
    }
}

void main();
