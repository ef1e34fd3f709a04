// Benchmark: a small warm build (a 4-step Dockerfile on busybox, nothing changed) through the Engine API with each
// builder Parity has — BuildKit (its own session) and the classic builder (its fallback) — interleaved. Figures only;
// test/engine/buildClassic.test.ts checks that both build the same image.
//
//   node --import tsx scripts/bench/buildersBench.ts [--runs N]
import {
    buildFolder,
    engineClient,
    makeProject,
    removeImages,
    removeProject,
    testTag,
} from '../../test/engine/buildTestKit';
import { figure, interleave, runBench, timeAsync, type BenchOptions, type BenchResult } from './benchKit';

const SIMPLE = 'FROM busybox\nWORKDIR /app\nCOPY hello.txt .\nRUN cat hello.txt && echo built\n';

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const client = engineClient();
    const dir = makeProject({ Dockerfile: SIMPLE, 'hello.txt': `warm ${process.pid}\n` });
    const tags = { buildkit: testTag('bench-buildkit'), classic: testTag('bench-classic') };
    const build = (builder: 'buildkit' | 'classic'): Promise<number> =>
        timeAsync(() => buildFolder(client, dir, { tag: tags[builder], builder }).result);
    try {
        // The first build of each fills its cache; the figures are the warm ones.
        await build('buildkit');
        await build('classic');
        const warm = await interleave(
            runs,
            () => build('buildkit'),
            () => build('classic'),
        );
        return {
            bench: 'builders',
            figures: [
                figure("warm build of a 4-step Dockerfile, BuildKit (Parity's session)", warm.ours, 'ms', {
                    peer: { name: 'classic builder', values: warm.peer },
                }),
            ],
        };
    } finally {
        removeImages(Object.values(tags));
        removeProject(dir);
    }
}

if (require.main === module) {
    runBench(run, 5);
}
