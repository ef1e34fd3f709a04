// Benchmark: planning each corpus project in-process — detection over the project's files, the snapshot with
// fixed host facts, the plan and the rendered recipe — as Package App does after its host capture. Figures
// only (no test asserts on time): the median per fixture over --runs runs after one warm-up, the slowest
// fixture's median, and the slowest cold (first) run. Target: under 200 ms per project.
//
//   node --import tsx scripts/bench/corpusBench.ts [--runs N]
import { planFromSnapshot } from '../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { corpusFixtures } from '../../test/unit/core/project/corpus/corpusFacts';
import { snapshotFor } from '../../test/unit/core/plan/snapshotFor';
import { figure, median, runBench, type BenchOptions, type BenchResult } from './benchKit';

async function planOnce(dir: string): Promise<number> {
    const started = performance.now();
    const plan = planFromSnapshot(await snapshotFor(dir), { projectRoot: dir });
    renderRecipe(plan, { buildkit: true });
    return performance.now() - started;
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const rows: { name: string; cold: number; times: number[] }[] = [];
    for (const fixture of corpusFixtures()) {
        const cold = await planOnce(fixture.dir);
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
            times.push(await planOnce(fixture.dir));
        }
        rows.push({ name: fixture.name, cold, times });
    }
    const target = { op: '<', value: 200 } as const;
    const slowest = rows.reduce((a, b) => (median(b.times) > median(a.times) ? b : a));
    const coldest = rows.reduce((a, b) => (b.cold > a.cold ? b : a));
    return {
        bench: 'corpus',
        figures: [
            figure(`slowest project's median (${slowest.name})`, slowest.times, 'ms', { target }),
            {
                ...figure(
                    'median of the per-project medians',
                    rows.map((row) => median(row.times)),
                    'ms',
                    { target },
                ),
                runs,
            },
            // A first run is one measurement by nature: the cold path (the module caches empty for this project).
            { ...figure(`slowest first run (${coldest.name})`, [coldest.cold], 'ms', { target }), runs: 1 },
        ],
        notes: [`${rows.length} corpus projects, ${runs} runs each after one first run`],
    };
}

if (require.main === module) {
    runBench(run, 21);
}
