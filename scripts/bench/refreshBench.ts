// Benchmark: what a save of a project file costs to recompute this machine's side — a full capture, a capture
// reusing the last one's machine facts and toolchains (a pin file, Dockerfile or .env saved), and one reusing
// only the machine facts (a version-manager file saved). Figures only — no test asserts on time.
//
//   npm run bench:refresh -- [--runs N]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { captureHost } from '../../src/targets/host/captureHost';
import { figure, runBench, sample, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

const root = join(__dirname, '..', '..');

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const figures: BenchFigure[] = [];
    for (const name of readdirSync(join(root, 'examples'))) {
        const project = join(root, 'examples', name);
        const options = { toolVersion: 'bench', log: silentLogger };
        const previous = await captureHost(project, options);
        const full = await sample(runs, () => captureHost(project, options));
        const projectOnly = await sample(runs, () =>
            captureHost(project, { ...options, reuse: { snapshot: previous, runtimes: false } }),
        );
        const toolchains = await sample(runs, () =>
            captureHost(project, { ...options, reuse: { snapshot: previous, runtimes: true } }),
        );
        figures.push(
            figure(`${name}: full capture`, full, 'ms'),
            figure(
                `${name}: after a pin file, Dockerfile or .env save (machine facts and toolchains reused)`,
                projectOnly,
                'ms',
            ),
            figure(`${name}: after a version-manager file save (machine facts reused)`, toolchains, 'ms'),
        );
    }
    return { bench: 'refresh', figures };
}

if (require.main === module) {
    runBench(run, 11);
}
