// Benchmark for Ruby packaging (figures only — no test asserts on time), medians:
//  1. Planning each Ruby fixture in-process: reading the project + plan (detectProject, planFromSnapshot — what
//     the corpus is measured by), the whole host capture + plan (planProject, which also probes this machine),
//     and the plan alone.
//  2. Rebuild after a one-line source change, through the test bed's gem mirror (BuildKit, warm cache), and
//     how many steps BuildKit took from cache (the gems must be among them).
//
//   npm run bench:ruby -- [--runs N]     (needs: npm run testbed -- up images gem-mirror)
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { requireGemMirror } from '../../test/engine/gemMirror';
import { figure, runBench, type BenchFigure, type BenchOptions, type BenchResult } from './benchKit';

const root = join(__dirname, '..', '..');
const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
    { log: silentLogger },
);
const FIXTURES = ['ruby-rack-configru', 'ruby-sinatra-classic', 'ruby-procfile-webrick', 'ruby-rails'];

function copyOf(fixture: string): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-bench-ruby-')), fixture);
    cpSync(join(root, 'test', 'fixtures', 'projects', fixture), folder, { recursive: true });
    return folder;
}

async function planning(runs: number): Promise<BenchFigure[]> {
    const figures: BenchFigure[] = [];
    for (const fixture of FIXTURES) {
        const folder = copyOf(fixture);
        const project: number[] = [];
        const whole: number[] = [];
        const planOnly: number[] = [];
        const key = EnvHashKey.generate();
        for (let i = 0; i < runs; i += 1) {
            const read = performance.now();
            const detected = await detectProject(nodeProjectFiles(folder), key);
            const started = performance.now();
            const { snapshot } = await planProject(folder, { log: silentLogger, toolVersion: 'bench' });
            whole.push(performance.now() - started);
            const planned = performance.now();
            planFromSnapshot({ ...snapshot, app: detected.app }, { projectRoot: folder });
            const planMs = performance.now() - planned;
            planOnly.push(planMs);
            project.push(started - read + planMs);
        }
        figures.push(
            figure(`${fixture}: read project + plan`, project, 'ms', { target: { op: '<', value: 200 } }),
            figure(`${fixture}: host capture + plan`, whole, 'ms'),
            figure(`${fixture}: plan alone`, planOnly, 'ms'),
        );
    }
    return figures;
}

async function rebuild(mirror: string, runs: number): Promise<{ figure: BenchFigure; note: string }> {
    const folder = copyOf('ruby-sinatra-classic');
    const tag = `parity-bench/ruby-sinatra:${process.pid}`;
    const { plan } = await planProject(folder, {
        log: silentLogger,
        toolVersion: 'bench',
        plan: { dependencyMirrors: { rubygems: mirror } },
    });
    await writeRecipe(folder, renderRecipe(plan, { buildkit: true }));
    await buildProject(client, { projectRoot: folder, tag, plan, builder: 'buildkit', log: silentLogger });
    const times: number[] = [];
    let cached: string[] = [];
    for (let i = 0; i < runs; i += 1) {
        appendFileSync(join(folder, 'app.rb'), `# change ${process.pid}-${i}\n`);
        const steps: string[] = [];
        const started = performance.now();
        await buildProject(client, {
            projectRoot: folder,
            tag,
            plan,
            builder: 'buildkit',
            log: silentLogger,
            onEvent: (event) => {
                if (event.type === 'step-cached') {
                    steps.push(event.step.name);
                }
            },
        });
        times.push(performance.now() - started);
        cached = steps;
    }
    const gems = cached.some((name) => name.includes('bundle install'));
    execFileSync('docker', ['rmi', '--force', tag], { env: { ...process.env, DOCKER_HOST: '' }, stdio: 'ignore' });
    return {
        figure: figure(
            'ruby-sinatra-classic: rebuild after a one-line change',
            times.map((ms) => ms / 1000),
            's',
        ),
        note: `rebuild: ${cached.length} steps cached, bundle install ${gems ? 'from cache' : 'RAN AGAIN'}`,
    };
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const figures = await planning(runs);
    const rebuilt = await rebuild(await requireGemMirror(), runs);
    return { bench: 'ruby', figures: [...figures, rebuilt.figure], notes: [rebuilt.note] };
}

if (require.main === module) {
    runBench(run, 5);
}
