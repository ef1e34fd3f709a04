// Benchmark: Parity's activation in the real VS Code (code-server, as the e2e suites run it) — the extension's own
// require() of dist/extension.js plus its activate(), timed inside the extension host by the e2e activation test
// (test/e2e/suite/extension.test.ts). Each run starts a fresh code-server and extension host
// (out/e2e/runExtensionTests.js, the trusted pass, only that test), so no run reuses another's module cache.
// Figures only — no test asserts on time; the target is ≤ 15 ms. The host's whole ext.activate() (its storage and
// localized messages for the extension, before and after ours) is recorded beside it, as context.
//
//   npm run bench:activation [-- --runs N] [-- --no-build]
//   (packages the production bundles and builds the e2e suite first; needs `npm run testbed -- up vscode`;
//   PARITY_BENCH_JSON=FILE also writes the figures as JSON)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_JSON_ENV, type BenchResult, figure, median } from './benchKit';

const root = join(__dirname, '..', '..');
/** The activation test's title (mocha greps the full title). */
const TEST_TITLE = 'is not active until asked, then activates';
const TARGET_MS = 15;

interface ActivationRecord {
    readonly activationMs: number;
    readonly requireMs: number;
    readonly activateMs: number;
    readonly hostMs: number;
    readonly vscode: string;
    readonly appName: string;
}

export interface ActivationFigures {
    readonly benchmark: 'activation';
    readonly runs: number;
    readonly vscode: string;
    readonly appName: string;
    readonly machine: {
        readonly node: string;
        readonly cpus: number;
        readonly cpuModel: string;
        /** The 1-minute load average when the runs ended: on a shared machine, read the figures against it. */
        readonly loadAverage: number;
    };
    /** Median of require + activate(), ms: the figure against the target. */
    readonly medianMs: number;
    readonly targetMs: number;
    readonly medianRequireMs: number;
    readonly medianActivateMs: number;
    /** Median of the host's whole ext.activate(), ms (ours plus the host's own set-up for the extension). */
    readonly medianHostMs: number;
    readonly samples: readonly ActivationRecord[];
}

/** One fresh code-server + extension host running only the activation test; its record. */
function oneRun(index: number): ActivationRecord {
    const results = mkdtempSync(join(tmpdir(), 'parity-activation-bench-'));
    try {
        const run = spawnSync(process.execPath, [join(root, 'out', 'e2e', 'runExtensionTests.js')], {
            cwd: root,
            encoding: 'utf8',
            env: {
                ...process.env,
                PARITY_E2E_PASS: 'trusted',
                PARITY_E2E_GREP: TEST_TITLE,
                PARITY_E2E_RESULTS_DIR: results,
            },
        });
        if (run.status !== 0) {
            throw new Error(`run ${index + 1}: the e2e activation test failed (exit ${run.status}):\n${run.stderr}`);
        }
        return JSON.parse(readFileSync(join(results, 'activation.json'), 'utf8')) as ActivationRecord;
    } finally {
        rmSync(results, { recursive: true, force: true });
    }
}

/** Runs the benchmark: `runs` fresh extension hosts (at least 5). */
export function activationBench(options: { runs?: number; build?: boolean } = {}): ActivationFigures {
    const runs = Math.max(5, options.runs ?? 5);
    if (options.build !== false) {
        execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { stdio: 'ignore' });
        execFileSync(process.execPath, [join(root, 'scripts', 'build-e2e.mjs')], { stdio: 'ignore' });
    }
    const samples = Array.from({ length: runs }, (_, index) => oneRun(index));
    return {
        benchmark: 'activation',
        runs,
        vscode: samples[0]?.vscode ?? 'unknown',
        appName: samples[0]?.appName ?? 'unknown',
        machine: {
            node: process.version,
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model ?? 'unknown',
            loadAverage: loadavg()[0] ?? 0,
        },
        medianMs: median(samples.map((each) => each.activationMs)),
        targetMs: TARGET_MS,
        medianRequireMs: median(samples.map((each) => each.requireMs)),
        medianActivateMs: median(samples.map((each) => each.activateMs)),
        medianHostMs: median(samples.map((each) => each.hostMs)),
        samples,
    };
}

function main(): void {
    const runsArg = process.argv.indexOf('--runs');
    const figures = activationBench({
        ...(runsArg > 0 ? { runs: Number(process.argv[runsArg + 1]) } : {}),
        build: !process.argv.includes('--no-build'),
    });
    console.log(
        `activation in ${figures.appName} ${figures.vscode} — ${figures.runs} fresh extension hosts, medians; ` +
            `${figures.machine.cpus} × ${figures.machine.cpuModel}, load average ${figures.machine.loadAverage.toFixed(1)}`,
    );
    console.log(
        `  require + activate()  ${figures.medianMs.toFixed(1)} ms ` +
            `(require ${figures.medianRequireMs.toFixed(1)} + activate() ${figures.medianActivateMs.toFixed(1)}) ` +
            `${figures.medianMs <= figures.targetMs ? '≤' : '>'} ${figures.targetMs} ms`,
    );
    console.log(`  the host's whole ext.activate()  ${figures.medianHostMs.toFixed(1)} ms`);
    console.log(`  runs: ${figures.samples.map((each) => each.activationMs.toFixed(1)).join(', ')} ms`);
    const out = process.env[BENCH_JSON_ENV];
    if (out) {
        writeFileSync(out, `${JSON.stringify(activationResult(figures), null, 2)}\n`);
    }
}

/** The figures in the report's convention (benchKit.ts): require + activate() against its target, its parts beside it. */
export function activationResult(figures: ActivationFigures): BenchResult {
    const of = (pick: (record: ActivationRecord) => number): number[] => figures.samples.map(pick);
    return {
        bench: 'activation',
        figures: [
            figure(
                'require + activate() in the extension host',
                of((each) => each.activationMs),
                'ms',
                {
                    target: { op: '<=', value: figures.targetMs },
                },
            ),
            figure(
                'require of dist/extension.js',
                of((each) => each.requireMs),
                'ms',
            ),
            figure(
                'activate()',
                of((each) => each.activateMs),
                'ms',
            ),
            figure(
                "the host's whole ext.activate() (its own set-up included)",
                of((each) => each.hostMs),
                'ms',
            ),
        ],
        notes: [
            `${figures.appName} ${figures.vscode}, a fresh code-server and extension host per run; load average ${figures.machine.loadAverage.toFixed(1)} when the runs ended.`,
        ],
    };
}

if (require.main === module) {
    main();
}
