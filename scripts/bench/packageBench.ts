// Benchmark for Package App (figures only — no test asserts on time), medians over interleaved runs, per example:
//  1. Parity's build (buildProject: its own BuildKit session) vs `docker build` (the docker CLI, BuildKit) of the
//     same generated Dockerfile and context — cold-ish (--no-cache: every step runs; base images and the npm cache
//     mount are there) and warm (nothing changed: every step from cache).
//  2. Rebuild after a one-line source change: Parity's Dockerfile vs an expert's hand-written one
//     (scripts/bench/expert/<example>.Dockerfile, on the same base image), both built by `docker build`.
//  3. Final image size: Parity's vs the expert's.
//  4. What the context holds: node_modules and .git must never be in it.
// hello-go is left out of the default set (a no-cache Go build takes ~20 s a run); `--examples a,b` picks others.
//
//   node --import tsx scripts/bench/packageBench.ts [--runs N] [--examples hello-node,hello-go]
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import type { Plan } from '../../src/core/plan/Plan';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { writeRecipe } from '../../src/core/recipe/writeRecipe';
import { createBuildContext } from '../../src/engine/build/buildContext';
import { EngineClient } from '../../src/engine/EngineClient';
import { buildProject } from '../../src/pipeline/buildProject';
import { planProject } from '../../src/pipeline/planProject';
import { hostCaBundle } from '../../src/targets/host/hostCertificates';
import {
    figure,
    interleave,
    runBench,
    timeAsync,
    timeSync,
    type BenchFigure,
    type BenchOptions,
    type BenchResult,
} from './benchKit';

const root = join(__dirname, '..', '..');
const EXPERT = join(__dirname, 'expert');
const DEFAULT_EXAMPLES = ['hello-node', 'hello-express', 'hello-python'];
const env = { ...process.env, DOCKER_HOST: '', DOCKER_BUILDKIT: '1' };
// Debian's docker CLI 20.10 builds with BuildKit by itself; the newer CLI on this machine needs buildx.
const DOCKER = '/usr/bin/docker';
const BUILD_RATIO = { op: '<=', value: 1.05, on: 'ratio' } as const;

interface Prepared {
    readonly example: string;
    readonly folder: string;
    readonly caFile: string;
    readonly plan: Plan;
}

function docker(args: readonly string[]): string {
    return execFileSync(DOCKER, [...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Every image this run made, by ID, so that exactly those are removed at the end. */
const made = new Set<string>();
function remember(tag: string): void {
    made.add(docker(['image', 'inspect', '--format', '{{.Id}}', tag]));
}

function dockerBuild(
    prepared: Prepared,
    tag: string,
    options: { dockerfile?: string; noCache?: boolean; buildArgs?: string[] } = {},
): number {
    const ms = timeSync(() =>
        docker([
            'build',
            ...(options.noCache ? ['--no-cache'] : []),
            ...(options.buildArgs ?? []).flatMap((arg) => ['--build-arg', arg]),
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=bench',
            '--secret',
            `id=parity-ca,src=${prepared.caFile}`,
            '-f',
            options.dockerfile ?? join(prepared.folder, 'Dockerfile'),
            '-t',
            tag,
            '-q',
            prepared.folder,
        ]),
    );
    remember(tag);
    return ms;
}

async function parityBuild(client: EngineClient, prepared: Prepared, tag: string, noCache: boolean): Promise<number> {
    const ms = await timeAsync(() =>
        buildProject(client, {
            projectRoot: prepared.folder,
            tag,
            plan: prepared.plan,
            builder: 'buildkit',
            noCache,
            log: silentLogger,
        }),
    );
    remember(tag);
    return ms;
}

async function prepare(example: string, parent: string): Promise<Prepared> {
    const folder = join(parent, example);
    cpSync(join(root, 'examples', example), folder, { recursive: true });
    const { plan } = await planProject(folder, { log: silentLogger, toolVersion: 'bench' });
    await writeRecipe(folder, renderRecipe(plan, { buildkit: true }));
    const caFile = join(parent, `${example}-ca.pem`);
    writeFileSync(caFile, (await hostCaBundle(process.env, folder, { cwd: folder, env: process.env })).pem);
    return { example, folder, caFile, plan };
}

async function parityVsDockerBuild(client: EngineClient, prepared: Prepared, runs: number): Promise<BenchFigure[]> {
    const parityTag = `parity-bench/${prepared.example}-parity:${process.pid}`;
    const dockerTag = `parity-bench/${prepared.example}-docker:${process.pid}`;
    const cold = await interleave(
        runs,
        () => parityBuild(client, prepared, parityTag, true),
        () => Promise.resolve(dockerBuild(prepared, dockerTag, { noCache: true })),
    );
    const warm = await interleave(
        runs,
        () => parityBuild(client, prepared, parityTag, false),
        () => Promise.resolve(dockerBuild(prepared, dockerTag)),
    );
    const seconds = (values: number[]): number[] => values.map((ms) => ms / 1000);
    return [
        figure(`${prepared.example}: build, no cache (every step runs)`, seconds(cold.ours), 's', {
            target: BUILD_RATIO,
            peer: { name: 'docker build --no-cache', values: seconds(cold.peer) },
        }),
        figure(`${prepared.example}: build, warm (nothing changed)`, seconds(warm.ours), 's', {
            target: BUILD_RATIO,
            peer: { name: 'docker build', values: seconds(warm.peer) },
        }),
    ];
}

async function rebuildAndSize(prepared: Prepared, runs: number): Promise<BenchFigure[]> {
    const expertFile = join(EXPERT, `${prepared.example}.Dockerfile`);
    if (!existsSync(expertFile)) {
        return [];
    }
    const baseArg = `${prepared.plan.ecosystem === 'python' ? 'PYTHON' : 'NODE'}_IMAGE=${prepared.plan.base.image}`;
    const parityTag = `parity-bench/${prepared.example}-parity-rebuild:${process.pid}`;
    const expertTag = `parity-bench/${prepared.example}-expert:${process.pid}`;
    dockerBuild(prepared, parityTag);
    dockerBuild(prepared, expertTag, { dockerfile: expertFile, buildArgs: [baseArg] });
    const source = ['server.js', 'app.py'].map((file) => join(prepared.folder, file)).find(existsSync) ?? '';
    let change = 0;
    const rebuilds = await interleave(
        runs,
        () => {
            appendFileSync(source, `${source.endsWith('.py') ? '#' : '//'} change ${process.pid}-${change++}\n`);
            return Promise.resolve(dockerBuild(prepared, parityTag));
        },
        () => Promise.resolve(dockerBuild(prepared, expertTag, { dockerfile: expertFile, buildArgs: [baseArg] })),
    );
    const mib = (tag: string): number =>
        Number(docker(['image', 'inspect', '--format', '{{.Size}}', tag])) / 1024 / 1024;
    return [
        figure(
            `${prepared.example}: rebuild after a one-line source change (Parity's Dockerfile)`,
            rebuilds.ours.map((ms) => ms / 1000),
            's',
            {
                target: { op: '<=', value: 1.2, on: 'ratio' },
                peer: { name: 'expert Dockerfile', values: rebuilds.peer.map((ms) => ms / 1000) },
            },
        ),
        {
            ...figure(`${prepared.example}: final image size`, [mib(parityTag)], 'MiB', {
                target: { op: '<=', value: 1.05, on: 'ratio' },
                peer: { name: 'expert Dockerfile', values: [mib(expertTag)] },
            }),
        },
    ];
}

async function contextLeaks(prepared: Prepared): Promise<BenchFigure> {
    mkdirSync(join(prepared.folder, 'node_modules', 'left-pad'), { recursive: true });
    writeFileSync(join(prepared.folder, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
    execFileSync('git', ['init', '-q', prepared.folder]);
    const context = await createBuildContext(prepared.folder);
    const leaked = context.members.filter((member) => /(^|\/)(node_modules|\.git)(\/|$)/.test(member));
    return figure(
        `${prepared.example}: context members from node_modules/ or .git/ (both present)`,
        [leaked.length],
        'files',
        { target: { op: '<=', value: 0 } },
    );
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    const asked = process.argv.indexOf('--examples');
    const examples = asked > 0 ? (process.argv[asked + 1] ?? '').split(',') : DEFAULT_EXAMPLES;
    const client = new EngineClient(
        { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
        { log: silentLogger },
    );
    const parent = mkdtempSync(join(tmpdir(), 'parity-bench-package-'));
    const figures: BenchFigure[] = [];
    try {
        for (const example of examples) {
            const prepared = await prepare(example, parent);
            figures.push(...(await parityVsDockerBuild(client, prepared, runs)));
            figures.push(...(await rebuildAndSize(prepared, runs)));
            if (prepared.plan.ecosystem === 'node') {
                figures.push(await contextLeaks(prepared));
            }
        }
    } finally {
        for (const id of made) {
            try {
                docker(['rmi', '--force', id]);
            } catch {
                // Already gone with its tag (Parity removes the image a build moved its tag away from).
            }
        }
        rmSync(parent, { recursive: true, force: true });
    }
    return {
        bench: 'package',
        figures,
        notes: [
            `examples: ${examples.join(', ')}; expert Dockerfiles in scripts/bench/expert/, built on the base image Parity's plan chose`,
        ],
    };
}

if (require.main === module) {
    runBench(run, 5);
}
