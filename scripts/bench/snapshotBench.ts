// Benchmark: snapshot of each example project — in-process, and as a fresh `parity snapshot` process (the CLI
// bundle) against envinfo's `--system --binaries --languages` (a fresh process too, interleaved with ours) — its
// peak memory, and probing a running container. Figures only — no test asserts on time.
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
import {
    figure,
    interleave,
    runBench,
    sample,
    type BenchFigure,
    type BenchOptions,
    type BenchResult,
} from './benchKit';

const root = join(__dirname, '..', '..');
const ENVINFO = join(root, 'node_modules', 'envinfo', 'dist', 'cli.js');
const ENVINFO_NAME = 'envinfo --system --binaries --languages';

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

/** Wall time of one fresh envinfo process describing this machine's system, binaries and languages. */
function envinfoRun(): number {
    const started = performance.now();
    const result = spawnSync(process.execPath, [ENVINFO, '--system', '--binaries', '--languages'], {
        encoding: 'utf8',
    });
    if (result.status !== 0) {
        throw new Error(`envinfo failed: ${result.stderr}`);
    }
    return performance.now() - started;
}

async function containerProbe(runs: number): Promise<BenchFigure> {
    const name = `parity-bench-${process.pid}`;
    const env = { ...process.env, DOCKER_HOST: '' };
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
        ].concat(['node:20-bookworm-slim', 'sleep', '300']),
        { stdio: 'ignore', env },
    );
    try {
        const client = new EngineClient(
            { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
            { log: silentLogger },
        );
        const probes = await sample(runs, () =>
            probeContainer(client, name, { log: silentLogger, toolVersion: 'bench' }),
        );
        return figure('probe of a running container by exec (node:20-bookworm-slim)', probes, 'ms', {
            target: { op: '<', value: 1000 },
        });
    } finally {
        execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore', env });
    }
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'ignore' });
    const figures: BenchFigure[] = [];
    for (const name of readdirSync(join(root, 'examples'))) {
        const project = join(root, 'examples', name);
        const inProcess = await sample(runs, () => captureHost(project, { toolVersion: 'bench', log: silentLogger }));
        cliRun(project);
        const rss: number[] = [];
        const fresh = await interleave(
            runs,
            () => {
                const measured = cliRun(project);
                rss.push(measured.maxRssMiB);
                return Promise.resolve(measured.ms);
            },
            () => Promise.resolve(envinfoRun()),
        );
        figures.push(
            figure(`snapshot in-process, ${name}`, inProcess, 'ms', { target: { op: '<', value: 300 } }),
            figure(`fresh \`parity snapshot\` process, ${name}`, fresh.ours, 'ms', {
                target: { op: '<=', value: 150 },
                peer: { name: ENVINFO_NAME, values: fresh.peer },
            }),
            figure(`peak RSS of \`parity snapshot\`, ${name}`, rss, 'MiB', { target: { op: '<', value: 100 } }),
        );
    }
    figures.push(await containerProbe(runs));
    return {
        bench: 'snapshot',
        figures,
        notes: [
            `${ENVINFO_NAME} describes the machine (OS, CPU, memory, shell, binaries, languages) but not a project; ` +
                'Parity snapshots the project too (its pins, the runtimes it really gets, env names, CAs …).',
        ],
    };
}

if (require.main === module) {
    runBench(run, 11);
}
