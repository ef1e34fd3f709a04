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

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function planOnce(dir: string): Promise<number> {
    const started = performance.now();
    const plan = planFromSnapshot(await snapshotFor(dir), { projectRoot: dir });
    renderRecipe(plan, { buildkit: true });
    return performance.now() - started;
}

void (async () => {
    const rows: { name: string; cold: number; median: number }[] = [];
    for (const fixture of corpusFixtures()) {
        const cold = await planOnce(fixture.dir);
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
            times.push(await planOnce(fixture.dir));
        }
        rows.push({ name: fixture.name, cold, median: median(times) });
    }
    const width = Math.max(...rows.map((row) => row.name.length));
    for (const row of rows) {
        process.stdout.write(
            `${row.name.padEnd(width)}  median ${row.median.toFixed(1)} ms  (first run ${row.cold.toFixed(1)} ms)\n`,
        );
    }
    const medians = rows.map((row) => row.median);
    const slowest = rows.reduce((a, b) => (b.median > a.median ? b : a));
    const coldest = rows.reduce((a, b) => (b.cold > a.cold ? b : a));
    process.stdout.write(
        `\nplanning a corpus project in-process (${rows.length} fixtures, ${runs} runs each): median of medians ${median(medians).toFixed(1)} ms, ` +
            `slowest median ${slowest.median.toFixed(1)} ms (${slowest.name}), slowest first run ${coldest.cold.toFixed(1)} ms (${coldest.name}); target < 200 ms\n`,
    );
})();
