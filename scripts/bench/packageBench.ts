// Benchmark for Package App (figures only — no test asserts on time), medians over alternating runs:
//  1. Parity's build vs `docker build` of the same Dockerfile and context (no cache: every step runs).
//  2. Rebuild after a one-line source change: Parity's Dockerfile vs a hand-written expert Dockerfile,
//     both built the same way (docker build, BuildKit, warm cache).
//  3. Final image size: Parity's vs the expert's.
//  4. What the context holds: node_modules and .git must never be in it.
//
//   node --import tsx scripts/bench/packageBench.ts [--runs N]
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { writeRecipe } from '../../src/core/recipe/writeRecipe';
import { createBuildContext } from '../../src/engine/build/buildContext';
import { EngineClient } from '../../src/engine/EngineClient';
import { buildProject } from '../../src/pipeline/buildProject';
import { planProject } from '../../src/pipeline/planProject';
import { hostCaBundle } from '../../src/targets/host/hostCertificates';

const root = join(__dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const env = { ...process.env, DOCKER_HOST: '', DOCKER_BUILDKIT: '1' };
// Debian's docker CLI 20.10 builds with BuildKit by itself; the newer CLI on this machine needs buildx.
const DOCKER = '/usr/bin/docker';
const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
    { log: silentLogger },
);
const tags: string[] = [];

const EXPERT_EXPRESS = `FROM node:${process.versions.node}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \\
    --mount=type=secret,id=parity-ca,target=/etc/ssl/bench-ca.pem,required=true \\
    NODE_EXTRA_CA_CERTS=/etc/ssl/bench-ca.pem npm ci --omit=dev
COPY server.js ./
USER node
EXPOSE 8080
CMD ["node", "server.js"]
`;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timed(run: () => void): number {
    const started = performance.now();
    run();
    return performance.now() - started;
}

async function timedAsync(run: () => Promise<unknown>): Promise<number> {
    const started = performance.now();
    await run();
    return performance.now() - started;
}

function dockerBuild(folder: string, tag: string, dockerfile: string, caFile: string, noCache: boolean): void {
    execFileSync(
        DOCKER,
        [
            'build',
            ...(noCache ? ['--no-cache'] : []),
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=bench',
            '--secret',
            `id=parity-ca,src=${caFile}`,
            '-f',
            dockerfile,
            '-t',
            tag,
            '-q',
            folder,
        ],
        { env, stdio: 'ignore' },
    );
}

function imageSize(tag: string): number {
    return Number(
        execFileSync(DOCKER, ['image', 'inspect', '--format', '{{.Size}}', tag], { env, encoding: 'utf8' }).trim(),
    );
}

async function preparedCopy(example: string): Promise<{ folder: string; caFile: string }> {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-bench-')), example);
    cpSync(join(root, 'examples', example), folder, { recursive: true });
    const { plan } = await planProject(folder, { log: silentLogger, toolVersion: 'bench' });
    await writeRecipe(folder, renderRecipe(plan, { buildkit: true }));
    const caFile = join(folder, '..', 'ca.pem');
    writeFileSync(caFile, (await hostCaBundle(process.env, folder, { cwd: folder, env: process.env })).pem);
    return { folder, caFile };
}

async function parityVsDockerBuild(example: string): Promise<void> {
    const { folder, caFile } = await preparedCopy(example);
    const parityTag = `parity-bench/${example}-parity:1`;
    const dockerTag = `parity-bench/${example}-docker:1`;
    tags.push(parityTag, dockerTag);
    const parity: number[] = [];
    const docker: number[] = [];
    for (let i = 0; i < runs; i += 1) {
        parity.push(
            await timedAsync(() =>
                buildProject(client, {
                    projectRoot: folder,
                    tag: parityTag,
                    builder: 'buildkit',
                    noCache: true,
                    log: silentLogger,
                }),
            ),
        );
        docker.push(timed(() => dockerBuild(folder, dockerTag, join(folder, 'Dockerfile'), caFile, true)));
    }
    console.log(
        `  1. ${example.padEnd(14)} full build (no cache): Parity ${(median(parity) / 1000).toFixed(2)} s · docker build ${(median(docker) / 1000).toFixed(2)} s · ratio ${(median(parity) / median(docker)).toFixed(3)}`,
    );
}

async function rebuildAndSize(): Promise<void> {
    const { folder, caFile } = await preparedCopy('hello-express');
    const expertFile = join(folder, '..', 'Dockerfile.expert');
    writeFileSync(expertFile, EXPERT_EXPRESS);
    const parityTag = 'parity-bench/express-parity:1';
    const expertTag = 'parity-bench/express-expert:1';
    tags.push(parityTag, expertTag);
    dockerBuild(folder, parityTag, join(folder, 'Dockerfile'), caFile, false);
    dockerBuild(folder, expertTag, expertFile, caFile, false);
    const parity: number[] = [];
    const expert: number[] = [];
    for (let i = 0; i < runs; i += 1) {
        appendFileSync(join(folder, 'server.js'), `// change ${i}\n`);
        parity.push(timed(() => dockerBuild(folder, parityTag, join(folder, 'Dockerfile'), caFile, false)));
        expert.push(timed(() => dockerBuild(folder, expertTag, expertFile, caFile, false)));
    }
    console.log(
        `  2. hello-express  rebuild after a one-line change: Parity's Dockerfile ${(median(parity) / 1000).toFixed(2)} s · expert ${(median(expert) / 1000).toFixed(2)} s · ratio ${(median(parity) / median(expert)).toFixed(3)}`,
    );
    const [paritySize, expertSize] = [imageSize(parityTag), imageSize(expertTag)];
    console.log(
        `  3. hello-express  image size: Parity ${(paritySize / 1024 / 1024).toFixed(1)} MiB · expert ${(expertSize / 1024 / 1024).toFixed(1)} MiB · ratio ${(paritySize / expertSize).toFixed(3)}`,
    );

    mkdirSync(join(folder, 'node_modules', 'left-pad'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
    execFileSync('git', ['init', '-q', folder]);
    const context = await createBuildContext(folder);
    const leaked = context.members.filter((member) => /(^|\/)(node_modules|\.git)(\/|$)/.test(member));
    console.log(
        `  4. context of hello-express with node_modules/ and .git/ present: ${context.fileCount} files, ${(context.size / 1024).toFixed(0)} KiB; node_modules or .git members: ${leaked.length === 0 ? 'none' : leaked.join(', ')}`,
    );
    console.log(
        `     (.dockerignore written by Parity: ${
            readFileSync(join(folder, '.dockerignore'), 'utf8')
                .split('\n')
                .filter((line) => line !== '' && !line.startsWith('#')).length
        } patterns)`,
    );
}

async function main(): Promise<void> {
    console.log(`Package App benchmark — medians of ${runs} alternating runs (2 cores)`);
    await parityVsDockerBuild('hello-express');
    await parityVsDockerBuild('hello-go');
    await rebuildAndSize();
}

main()
    .catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    })
    .finally(() => {
        for (const tag of tags) {
            try {
                execFileSync(DOCKER, ['rmi', '--force', tag], { env, stdio: 'ignore' });
            } catch {
                // Already gone.
            }
        }
        // Rebuilds leave the images their tags moved away from; all of them carry parity.managed.
        execFileSync(DOCKER, ['image', 'prune', '--force', '--filter', 'label=parity.managed=true'], {
            env,
            stdio: 'ignore',
        });
    });
