// Benchmark: the cold CLI — `parity --help`, `parity --version` and `parity snapshot` of each example, each a fresh
// `node dist/cli.js` process as a user's shell starts it, against `node -e 0` (the peer: Node's own start-up)
// measured in the same rounds. Figures only — no test asserts on time; targets: --help ≤ 80 ms, snapshot ≤ 150 ms.
// The rounds interleave the cases, so a busy machine slows them all alike and the ratios stay fair.
//
//   npm run bench:cli [-- --runs N] [-- --no-build]
//   (builds the production bundles first, as shipped; PARITY_BENCH_JSON=FILE also writes the figures as JSON)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { BENCH_JSON_ENV, type BenchResult, median } from './benchKit';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'dist', 'cli.js');
const TARGETS_MS: Readonly<Record<string, number>> = { '--help': 80, '--version': 80, snapshot: 150 };

export interface CliColdCase {
    readonly name: string;
    readonly args: readonly string[];
    readonly medianMs: number;
    readonly minMs: number;
    readonly maxMs: number;
    /** medianMs / the peer's medianMs. */
    readonly ratioToPeer: number;
    readonly targetMs?: number;
}

export interface CliColdFigures {
    readonly benchmark: 'cli-cold';
    readonly runs: number;
    readonly build: 'production' | 'as found';
    readonly machine: {
        readonly node: string;
        readonly cpus: number;
        readonly cpuModel: string;
        /** The 1-minute load average when the runs ended: on a shared machine, read the figures against it. */
        readonly loadAverage: number;
    };
    readonly peer: { readonly name: 'node -e 0'; readonly medianMs: number };
    readonly cases: readonly CliColdCase[];
}

/** Wall time of one fresh process, in ms; a run that fails stops the bench (a figure of a failure is no figure). */
function timed(args: readonly string[]): number {
    const started = performance.now();
    const result = spawnSync(process.execPath, [...args], { encoding: 'utf8', cwd: root });
    const ms = performance.now() - started;
    if (result.status !== 0) {
        throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
    return ms;
}

/** Runs the benchmark: `runs` interleaved rounds after one warm-up round (the OS's file cache, as for a user). */
export function cliColdBench(options: { runs?: number; build?: boolean } = {}): CliColdFigures {
    const runs = Math.max(5, options.runs ?? 11);
    if (options.build !== false) {
        execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'ignore' });
    }
    if (!existsSync(CLI)) {
        throw new Error(`${CLI} is missing — run: node scripts/build.mjs`);
    }
    const examples = readdirSync(join(root, 'examples')).sort();
    const cases: { name: string; args: string[] }[] = [
        { name: 'node -e 0', args: ['-e', '0'] },
        { name: '--help', args: [CLI, '--help'] },
        { name: '--version', args: [CLI, '--version'] },
        ...examples.map((example) => ({
            name: `snapshot examples/${example}`,
            args: [CLI, 'snapshot', join(root, 'examples', example), '--out', '/dev/null'],
        })),
    ];
    const times = cases.map(() => [] as number[]);
    for (let round = 0; round <= runs; round += 1) {
        cases.forEach(({ args }, index) => {
            const ms = timed(args);
            if (round > 0) {
                times[index]?.push(ms);
            }
        });
    }
    const peerMs = median(times[0] ?? []);
    return {
        benchmark: 'cli-cold',
        runs,
        build: options.build === false ? 'as found' : 'production',
        machine: {
            node: process.version,
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model ?? 'unknown',
            loadAverage: loadavg()[0] ?? 0,
        },
        peer: { name: 'node -e 0', medianMs: peerMs },
        cases: cases.slice(1).map(({ name, args }, index) => {
            const values = times[index + 1] ?? [];
            const targetMs = TARGETS_MS[name.split(' ')[0] ?? ''];
            return {
                name,
                args: args.slice(1).map((arg) => (arg.startsWith(root) ? relative(root, arg) : arg)),
                medianMs: median(values),
                minMs: Math.min(...values),
                maxMs: Math.max(...values),
                ratioToPeer: median(values) / peerMs,
                ...(targetMs === undefined ? {} : { targetMs }),
            };
        }),
    };
}

function main(): void {
    const runsArg = process.argv.indexOf('--runs');
    const figures = cliColdBench({
        ...(runsArg > 0 ? { runs: Number(process.argv[runsArg + 1]) } : {}),
        build: !process.argv.includes('--no-build'),
    });
    console.log(
        `cold CLI — ${figures.runs} fresh processes each, medians; ${figures.build} bundles; ` +
            `${figures.machine.cpus} × ${figures.machine.cpuModel}, load average ${figures.machine.loadAverage.toFixed(1)}, Node ${figures.machine.node}`,
    );
    console.log(`  ${'node -e 0 (peer)'.padEnd(34)} ${figures.peer.medianMs.toFixed(0).padStart(5)} ms`);
    for (const each of figures.cases) {
        const verdict =
            each.targetMs === undefined
                ? ''
                : each.medianMs <= each.targetMs
                  ? ` ≤ ${each.targetMs} ✓`
                  : ` > ${each.targetMs} ✗`;
        console.log(
            `  ${each.name.padEnd(34)} ${each.medianMs.toFixed(0).padStart(5)} ms  ×${each.ratioToPeer.toFixed(2)} of the peer` +
                `  (min ${each.minMs.toFixed(0)}, max ${each.maxMs.toFixed(0)})${verdict}`,
        );
    }
    const out = process.env[BENCH_JSON_ENV];
    if (out) {
        writeFileSync(out, `${JSON.stringify(cliColdResult(figures), null, 2)}\n`);
    }
}

/** The figures in the report's convention (benchKit.ts): each case against its target and `node -e 0`. */
export function cliColdResult(figures: CliColdFigures): BenchResult {
    return {
        bench: 'cli-cold',
        figures: figures.cases.map((each) => ({
            name: `fresh \`parity ${each.args.join(' ')}\` process`,
            median: each.medianMs,
            unit: 'ms',
            runs: figures.runs,
            min: each.minMs,
            max: each.maxMs,
            ...(each.targetMs === undefined ? {} : { target: { op: '<=' as const, value: each.targetMs } }),
            peer: { name: figures.peer.name, median: figures.peer.medianMs },
            ratio: each.ratioToPeer,
        })),
        notes: [
            `${figures.build} bundles; Node ${figures.machine.node}; load average ${figures.machine.loadAverage.toFixed(1)} when the runs ended.`,
        ],
    };
}

if (require.main === module) {
    main();
}
