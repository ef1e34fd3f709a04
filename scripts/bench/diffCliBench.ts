// Benchmark: `parity diff --to container:NAME` from a fresh process, as a user or a CI step runs it — the built
// CLI (dist/cli.js, `npm run build` first) against a running container on the real engine. Figures only — no test
// asserts on time; the target is under 1 s. Two cases: a saved snapshot against the container (engine only),
// and the default --from host:. (this machine, from the folder the bench runs in) against it.
//
//   node --import tsx scripts/bench/diffCliBench.ts [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, runBench, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const IMAGE = 'debian:bookworm-slim';
const NAME = `parity-bench-diff-cli-${process.pid}`;

function docker(args: readonly string[]): string {
    return execFileSync('docker', [...args], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: '' } }).trim();
}

/** Wall time of one fresh `node dist/cli.js ARGS`, in ms; a run that could not diff (exit 2) stops the bench. */
function timed(args: readonly string[], cwd: string): number {
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        cwd,
        env: { ...process.env, DOCKER_HOST: '' },
    });
    const ms = performance.now() - started;
    if (result.status !== 0 && result.status !== 1) {
        throw new Error(`parity ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
    return ms;
}

function bench(label: string, args: readonly string[], cwd: string, runs: number): BenchFigure {
    timed(args, cwd); // warm the engine's and the OS's caches once, as a second run in a CI job would be
    const times = Array.from({ length: runs }, () => timed(args, cwd));
    return figure(label, times, 'ms', { target: { op: '<', value: 1000 } });
}

export function run({ runs }: BenchOptions): Promise<BenchResult> {
    if (!existsSync(CLI)) {
        throw new Error(`${CLI} is missing — run: npm run build`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'parity-diff-cli-bench-'));
    const saved = join(dir, 'saved.snapshot.json');
    docker([
        'run',
        '--detach',
        '--name',
        NAME,
        '--label',
        'parity.test=diff-cli-bench',
        '--network',
        'none',
        '--entrypoint',
        'sleep',
        IMAGE,
        '600',
    ]);
    try {
        const snapshot = spawnSync(
            process.execPath,
            [CLI, 'snapshot', '--target', `container:${NAME}`, '--out', saved],
            { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: '' } },
        );
        if (snapshot.status !== 0) {
            throw new Error(`parity snapshot failed: ${snapshot.stderr}`);
        }
        return Promise.resolve({
            bench: 'diff-cli',
            figures: [
                bench('node dist/cli.js --version (startup)', ['--version'], dir, runs),
                bench(
                    'parity diff --from file:SNAPSHOT --to container:NAME',
                    ['diff', '--from', `file:${saved}`, '--to', `container:${NAME}`],
                    dir,
                    runs,
                ),
                bench(
                    'parity diff --to container:NAME (from host:.)',
                    ['diff', '--to', `container:${NAME}`],
                    process.cwd(),
                    runs,
                ),
            ],
        });
    } finally {
        docker(['rm', '--force', NAME]);
        rmSync(dir, { recursive: true, force: true });
    }
}

if (require.main === module) {
    runBench(run, 11);
}
