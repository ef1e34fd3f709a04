// Benchmark for Java packaging (figures only — no test asserts on time), medians:
//  1. Planning in-process: the project's files read (detection, no host probes), the plan from the snapshot,
//     and the whole host snapshot + plan (which also runs `java -version` and `mvn --version` here).
//  2. Rebuild after a one-line source change of java-jetty-maven through the test bed's Maven mirror (BuildKit,
//     warm cache): the dependency step must come from the cache, so only the compile and package run.
//
//   node --import tsx scripts/bench/javaBench.ts [--runs N]
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildEvent } from '../../src/core/build/BuildEvent';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { planFromSnapshot } from '../../src/core/plan/planFromSnapshot';
import { detectProject } from '../../src/core/project/detectProject';
import { nodeProjectFiles } from '../../src/core/project/nodeProjectFiles';
import { EnvHashKey } from '../../src/core/snapshot/EnvHashKey';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { writeRecipe } from '../../src/core/recipe/writeRecipe';
import { EngineClient } from '../../src/engine/EngineClient';
import { buildProject } from '../../src/pipeline/buildProject';
import { planProject } from '../../src/pipeline/planProject';
import { mavenMirrorUrl } from '../../test/engine/mavenMirror';
import { dockerCli } from '../../test/support/dockerCli';
import { figure, runBench, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

const root = join(__dirname, '..', '..');
const FIXTURES = [
    'java-httpserver-maven',
    'java-jetty-maven',
    'java-commons-mvnw',
    'java-spring-maven',
    'java-spring-gradle-kts',
];
const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
    { log: silentLogger },
);

async function planning(runs: number): Promise<BenchFigure[]> {
    const figures: BenchFigure[] = [];
    for (const fixture of FIXTURES) {
        const folder = join(root, 'test', 'fixtures', 'projects', fixture);
        const whole: number[] = [];
        const planOnly: number[] = [];
        const detection: number[] = [];
        for (let i = 0; i < runs; i += 1) {
            const detectStarted = performance.now();
            await detectProject(nodeProjectFiles(folder), EnvHashKey.generate());
            detection.push(performance.now() - detectStarted);
            const started = performance.now();
            const { snapshot } = await planProject(folder, { log: silentLogger, toolVersion: 'bench' });
            whole.push(performance.now() - started);
            const planStarted = performance.now();
            planFromSnapshot(snapshot, { projectRoot: folder });
            planOnly.push(performance.now() - planStarted);
        }
        figures.push(
            figure(`${fixture}: detection`, detection, 'ms', { target: { op: '<', value: 200 } }),
            figure(`${fixture}: plan from the snapshot`, planOnly, 'ms'),
            figure(`${fixture}: host snapshot + plan`, whole, 'ms'),
        );
    }
    return figures;
}

async function rebuild(runs: number): Promise<{ figure: BenchFigure; note: string }> {
    const parent = mkdtempSync(join(tmpdir(), 'parity-bench-java-'));
    const folder = join(parent, 'java-jetty-maven');
    cpSync(join(root, 'test', 'fixtures', 'projects', 'java-jetty-maven'), folder, { recursive: true });
    const tag = `parity-bench/java-jetty:${process.pid}`;
    const options = {
        log: silentLogger,
        toolVersion: 'bench',
        plan: { dependencyMirrors: { maven: mavenMirrorUrl() } },
    };
    // Planned once: the figure is the build after the change, as an edit-build loop with a written Dockerfile runs it.
    const { plan } = await planProject(folder, options);
    await writeRecipe(folder, renderRecipe(plan, { buildkit: true }));
    const build = async (): Promise<{ ms: number; cached: string[] }> => {
        const events: BuildEvent[] = [];
        const started = performance.now();
        await buildProject(client, {
            projectRoot: folder,
            tag,
            plan,
            builder: 'buildkit',
            log: silentLogger,
            onEvent: (event) => events.push(event),
        });
        const cached = events.flatMap((event) =>
            event.type === 'step-cached' && !event.step.internal ? [event.step.name] : [],
        );
        return { ms: performance.now() - started, cached };
    };
    try {
        await build();
        const times: number[] = [];
        let dependenciesCached = 0;
        for (let i = 0; i < runs; i += 1) {
            // Unique per run: a change an earlier run made already would be taken from BuildKit's cache.
            appendFileSync(
                join(folder, 'src/main/java/com/example/shop/ShopServer.java'),
                `// change ${i} of run ${process.pid}-${Date.now()}\n`,
            );
            const { ms, cached } = await build();
            times.push(ms);
            dependenciesCached += cached.some((name) => name.includes('dependency:resolve')) ? 1 : 0;
        }
        return {
            figure: figure(
                'java-jetty-maven: rebuild after a one-line change',
                times.map((ms) => ms / 1000),
                's',
            ),
            note:
                `${plan.builder?.image ?? '?'} → ${plan.base.image}, mirror ${plan.java?.mirror ?? 'none'}; ` +
                `dependency step from cache in ${dependenciesCached}/${runs} rebuilds`,
        };
    } finally {
        dockerCli(['rmi', '--force', tag]);
        rmSync(parent, { recursive: true, force: true });
    }
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const figures = await planning(runs);
    const rebuilt = await rebuild(runs);
    return { bench: 'java', figures: [...figures, rebuilt.figure], notes: [rebuilt.note] };
}

if (require.main === module) {
    runBench(run, 5);
}
