// Benchmark: what a save of a project file costs to recompute this machine's side — a full capture, a capture
// reusing the last one's machine facts and toolchains (a pin file, Dockerfile or .env saved), and one reusing
// only the machine facts (a version-manager file saved). Figures only — no test asserts on time.
//
//   npm run bench:refresh -- [--runs N]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { captureHost } from '../../src/targets/host/captureHost';

const root = join(__dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timeIt(run: () => Promise<unknown>): Promise<number> {
    await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
    }
    return median(times);
}

async function main(): Promise<void> {
    console.log(`recompute-after-save benchmark — ${runs} runs after one warm-up, medians (2 cores)`);
    for (const name of readdirSync(join(root, 'examples'))) {
        const project = join(root, 'examples', name);
        const options = { toolVersion: 'bench', log: silentLogger };
        const previous = await captureHost(project, options);
        const full = await timeIt(() => captureHost(project, options));
        const projectOnly = await timeIt(() =>
            captureHost(project, { ...options, reuse: { snapshot: previous, runtimes: false } }),
        );
        const toolchains = await timeIt(() =>
            captureHost(project, { ...options, reuse: { snapshot: previous, runtimes: true } }),
        );
        console.log(
            `  ${name.padEnd(22)} full ${full.toFixed(0).padStart(4)} ms · project files only ${projectOnly.toFixed(0).padStart(4)} ms · with toolchains ${toolchains.toFixed(0).padStart(4)} ms`,
        );
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
