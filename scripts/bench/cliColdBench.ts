// Benchmark: the cold CLI — `parity --help`, `parity --version` and `parity snapshot` of each example, each a fresh
// `node dist/cli.js` process as a user's shell starts it, against `node -e 0` (the peer: Node's own start-up)
// measured in the same rounds. Figures only — no test asserts on time; targets: --help ≤ 80 ms, snapshot ≤ 150 ms.
// The rounds interleave the cases, so a busy machine slows them all alike and the ratios stay fair. The runs
// share a fresh code-cache folder, which the warm-up round fills, as a user's first run does. For context, the
// report adds a snapshot with no code cache (a command's very first run), a Node that only loads the built-ins a
// snapshot needs (the floor of any snapshot process), and the same processes without NODE_EXTRA_CA_CERTS, which
// Node reads at every start (peer: `node -e 0` without it).
//
//   npm run bench:cli [-- --runs N] [-- --no-build]
//   (builds the production bundles first, as shipped; PARITY_BENCH_JSON=FILE also writes the figures as JSON)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BENCH_JSON_ENV, type BenchResult, median } from './benchKit';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'dist', 'cli.js');

export interface CliColdCase {
    readonly name: string;
    readonly args: readonly string[];
    readonly medianMs: number;
    readonly minMs: number;
    readonly maxMs: number;
    /** The `node -e 0` this case is measured against (with or without NODE_EXTRA_CA_CERTS, as the case runs). */
    readonly peer: { readonly name: string; readonly medianMs: number };
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
    readonly cases: readonly CliColdCase[];
}

/** Wall time of one fresh process, in ms; a run that fails stops the bench (a figure of a failure is no figure). */
function timed(args: readonly string[], env: NodeJS.ProcessEnv): number {
    const started = performance.now();
    const result = spawnSync(process.execPath, [...args], { encoding: 'utf8', cwd: root, env });
    const ms = performance.now() - started;
    if (result.status !== 0) {
        throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
    return ms;
}

interface Case {
    readonly name: string;
    readonly args: readonly string[];
    readonly env?: NodeJS.ProcessEnv;
    /** The index of this case's peer in the list (itself for a peer). */
    readonly peer: number;
    readonly targetMs?: number;
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
    const cacheHome = mkdtempSync(join(tmpdir(), 'parity-bench-cache-'));
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
    const withoutExtraCas = { ...env };
    delete withoutExtraCas.NODE_EXTRA_CA_CERTS;
    const snapshotArgs = (example: string): string[] => [
        CLI,
        'snapshot',
        join(root, 'examples', example),
        '--out',
        '/dev/null',
    ];
    const cases: Case[] = [
        { name: 'node -e 0', args: ['-e', '0'], peer: 0 },
        { name: '--help', args: [CLI, '--help'], peer: 0, targetMs: 80 },
        { name: '--version', args: [CLI, '--version'], peer: 0, targetMs: 80 },
        ...examples.map((example) => ({
            name: `snapshot examples/${example}`,
            args: snapshotArgs(example),
            peer: 0,
            targetMs: 150,
        })),
        {
            // The floor: Node with the built-ins no snapshot can do without (hashing, Node's roots, async files).
            name: 'node loading node:crypto, node:tls and node:fs/promises, nothing else',
            args: ['-e', "require('node:crypto'); require('node:tls').rootCertificates; require('node:fs/promises')"],
            peer: 0,
        },
        {
            name: 'snapshot examples/hello-node, no code cache: a first run',
            args: snapshotArgs('hello-node'),
            env: { ...env, PARITY_CODE_CACHE: 'off' },
            peer: 0,
        },
    ];
    if (env.NODE_EXTRA_CA_CERTS) {
        const peer = cases.length;
        cases.push(
            { name: 'node -e 0 without NODE_EXTRA_CA_CERTS', args: ['-e', '0'], env: withoutExtraCas, peer },
            { name: '--help without NODE_EXTRA_CA_CERTS', args: [CLI, '--help'], env: withoutExtraCas, peer },
            {
                name: 'snapshot examples/hello-node without NODE_EXTRA_CA_CERTS',
                args: snapshotArgs('hello-node'),
                env: withoutExtraCas,
                peer,
            },
        );
    }
    const times = cases.map(() => [] as number[]);
    try {
        for (let round = 0; round <= runs; round += 1) {
            cases.forEach(({ args, env: caseEnv }, index) => {
                const ms = timed(args, caseEnv ?? env);
                if (round > 0) {
                    times[index]?.push(ms);
                }
            });
        }
    } finally {
        rmSync(cacheHome, { recursive: true, force: true });
    }
    const medians = times.map((values) => median(values));
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
        cases: cases.flatMap(({ name, args, peer, targetMs }, index) => {
            if (peer === index) {
                return [];
            }
            const values = times[index] ?? [];
            const peerMs = medians[peer] ?? Number.NaN;
            return [
                {
                    name,
                    args: args.slice(1).map((arg) => (arg.startsWith(root) ? relative(root, arg) : arg)),
                    medianMs: medians[index] ?? Number.NaN,
                    minMs: Math.min(...values),
                    maxMs: Math.max(...values),
                    peer: { name: cases[peer]?.name ?? '', medianMs: peerMs },
                    ratioToPeer: (medians[index] ?? Number.NaN) / peerMs,
                    ...(targetMs === undefined ? {} : { targetMs }),
                },
            ];
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
    for (const peer of new Set(figures.cases.map((each) => `${each.peer.name}: ${each.peer.medianMs.toFixed(0)} ms`))) {
        console.log(`  peer ${peer}`);
    }
    for (const each of figures.cases) {
        const verdict =
            each.targetMs === undefined
                ? ''
                : each.medianMs <= each.targetMs
                  ? ` ≤ ${each.targetMs} ✓`
                  : ` > ${each.targetMs} ✗`;
        console.log(
            `  ${each.name.padEnd(58)} ${each.medianMs.toFixed(0).padStart(5)} ms  ×${each.ratioToPeer.toFixed(2)} of the peer` +
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
            name: figureName(each),
            median: each.medianMs,
            unit: 'ms',
            runs: figures.runs,
            min: each.minMs,
            max: each.maxMs,
            ...(each.targetMs === undefined ? {} : { target: { op: '<=' as const, value: each.targetMs } }),
            peer: { name: each.peer.name, median: each.peer.medianMs },
            ratio: each.ratioToPeer,
        })),
        notes: [
            `${figures.build} bundles; Node ${figures.machine.node}; load average ${figures.machine.loadAverage.toFixed(1)} when the runs ended.`,
        ],
    };
}

/** "fresh `parity ARGS` process", with what is special about the run ("no code cache …"); a Node alone by name. */
function figureName(each: CliColdCase): string {
    if (each.name.startsWith('node ')) {
        return each.name;
    }
    const condition = /, (.+)$| (without .+)$/.exec(each.name);
    const run = `fresh \`parity ${each.args.join(' ')}\` process`;
    return condition ? `${run} (${condition[1] ?? condition[2]})` : run;
}

if (require.main === module) {
    main();
}
