// Benchmark: the Images and Containers views in the real VS Code (code-server, as the e2e suites run it) — an
// engine event to the real tree provider's refresh and to the rows with the new state (5 rounds of `docker stop`
// and `docker start`), and building the vscode.TreeItems of 500 images + 500 containers (15 runs). The measuring
// is the extension-host suite test/e2e/suite/bench/viewsInVsCode.test.ts, run as its own pass
// (PARITY_E2E_PASS=bench) that `npm test` never runs; this script starts it and reads what it wrote.
// Figures only — no test asserts on time.
//
//   npm run bench:views-vscode [-- --no-build]
//   (packages the extension and builds the e2e suites first; needs `npm run testbed -- up vscode`)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchFigure, type BenchResult, runBench } from './benchKit';

const root = join(__dirname, '..', '..');

interface Latency {
    readonly refreshMedianMs: number;
    readonly refreshMaxMs: number;
    readonly rowsMedianMs: number;
}

interface LatencyRecord {
    readonly vscode: string;
    readonly rounds: number;
    readonly start: Latency;
    readonly stop: Latency;
}

interface ItemsRecord {
    readonly vscode: string;
    readonly items: number;
    readonly medianMs: number;
    readonly tooltipsMedianMs: number;
    readonly runs: number;
}

export function run(): Promise<BenchResult> {
    if (!process.argv.includes('--no-build')) {
        execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { stdio: 'ignore' });
        execFileSync(process.execPath, [join(root, 'scripts', 'build-e2e.mjs')], { stdio: 'ignore' });
    }
    const results = mkdtempSync(join(tmpdir(), 'parity-views-bench-'));
    try {
        const pass = spawnSync(process.execPath, [join(root, 'out', 'e2e', 'runExtensionTests.js')], {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, PARITY_E2E_PASS: 'bench', PARITY_E2E_RESULTS_DIR: results },
        });
        if (pass.status !== 0) {
            throw new Error(`the views pass in VS Code failed (exit ${pass.status}):\n${pass.stdout}\n${pass.stderr}`);
        }
        const latency = JSON.parse(readFileSync(join(results, 'views-latency.json'), 'utf8')) as LatencyRecord;
        const items = JSON.parse(readFileSync(join(results, 'views-items.json'), 'utf8')) as ItemsRecord;
        const perAction = latency.rounds / 2;
        const latencyFigures = (['start', 'stop'] as const).flatMap((action): BenchFigure[] => [
            {
                name: `docker ${action}: engine event → the Containers provider's refresh`,
                median: latency[action].refreshMedianMs,
                unit: 'ms',
                runs: perAction,
                max: latency[action].refreshMaxMs,
                target: { op: '<=', value: 300 },
            },
            {
                name: `docker ${action}: engine event → the rows with the new state`,
                median: latency[action].rowsMedianMs,
                unit: 'ms',
                runs: perAction,
            },
        ]);
        return Promise.resolve({
            bench: 'views-vscode',
            figures: [
                {
                    name: `500 images + 500 containers → ${items.items} vscode.TreeItems`,
                    median: items.medianMs,
                    unit: 'ms',
                    runs: items.runs,
                    target: { op: '<', value: 100 },
                },
                {
                    name: 'all their tooltips (built on hover only)',
                    median: items.tooltipsMedianMs,
                    unit: 'ms',
                    runs: items.runs,
                },
                ...latencyFigures,
            ],
            notes: [
                `VS Code ${latency.vscode} (code-server), one extension host; the engine's events batched for 100 ms.`,
            ],
        });
    } finally {
        rmSync(results, { recursive: true, force: true });
    }
}

if (require.main === module) {
    runBench(run, 5);
}
