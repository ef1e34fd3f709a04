// Benchmark: snapshot of each example project (median wall time in-process, and as a fresh `parity snapshot`
// process), probing a running container, and peak memory. Figures only — no test asserts on time.
//
//   node --import tsx scripts/bench/snapshotBench.ts [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { EngineClient } from '../../src/engine/EngineClient';
import { probeContainer } from '../../src/targets/container/probeContainer';
import { captureHost } from '../../src/targets/host/captureHost';

const root = join(__dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timeIt(run: () => Promise<unknown>, count: number): Promise<number[]> {
    await run();
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
    }
    return times;
}

/** Wall time and peak RSS of one fresh `parity snapshot` process (the CLI bundle). */
function cliRun(project: string): { ms: number; maxRssMiB: number } {
    const script =
        `const t=performance.now();process.argv=[process.argv[0],'parity','snapshot',${JSON.stringify(project)},'--out','/dev/null'];` +
        `require(${JSON.stringify(join(root, 'dist', 'cli.js'))});process.on('exit',()=>process.stderr.write('BENCH '+JSON.stringify({ms:performance.now()-t,rss:process.resourceUsage().maxRSS})+'\\n'));`;
    const started = performance.now();
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const wall = performance.now() - started;
    const line = /BENCH (.+)/.exec(result.stderr)?.[1];
    if (result.status !== 0 || !line) {
        throw new Error(`parity snapshot failed: ${result.stderr}`);
    }
    return { ms: wall, maxRssMiB: (JSON.parse(line) as { rss: number }).rss / 1024 };
}

async function main(): Promise<void> {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'ignore' });
    const examples = readdirSync(join(root, 'examples')).map((name) => join(root, 'examples', name));
    console.log(`snapshot benchmark — ${runs} runs after one warm-up, medians (2 cores)`);
    for (const project of examples) {
        const inProcess = await timeIt(() => captureHost(project, { toolVersion: 'bench', log: silentLogger }), runs);
        const cli = Array.from({ length: Math.max(3, Math.floor(runs / 2)) }, () => cliRun(project));
        console.log(
            `  ${project.slice(root.length + 1).padEnd(24)} in-process ${median(inProcess).toFixed(0).padStart(4)} ms · ` +
                `fresh CLI process ${median(cli.map((run) => run.ms))
                    .toFixed(0)
                    .padStart(4)} ms · peak RSS ${Math.max(...cli.map((run) => run.maxRssMiB)).toFixed(0)} MiB`,
        );
    }

    const name = `parity-bench-${process.pid}`;
    execFileSync(
        'docker',
        [
            'run',
            '-d',
            '--rm',
            '--name',
            name,
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=bench',
            'node:20-bookworm-slim',
            'sleep',
            '300',
        ],
        { stdio: 'ignore', env: { ...process.env, DOCKER_HOST: '' } },
    );
    try {
        const client = new EngineClient(
            { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
            { log: silentLogger },
        );
        const probes = await timeIt(() => probeContainer(client, name, { log: silentLogger, toolVersion: 'bench' }), 5);
        console.log(
            `  running container (node:20-bookworm-slim) probe by exec: median ${median(probes).toFixed(0)} ms over 5`,
        );
    } finally {
        execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore', env: { ...process.env, DOCKER_HOST: '' } });
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
