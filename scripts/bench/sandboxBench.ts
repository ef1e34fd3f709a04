// Benchmark for the sandbox (figures only — no test asserts on time): time from "run it" to the first
// HTTP 200, for the same packaged hello-node image,
//  - Parity: sandboxPolicy + startSandbox (create, attach, start, inspect for the port) with every lock-down;
//  - plain:  `docker run -d -p 127.0.0.1::3000 IMAGE` + `docker port`, no limits at all;
// both then polled the same way on the same URL. Medians of alternating runs, and the ratio.
//
//   node --import tsx scripts/bench/sandboxBench.ts [--runs N]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { silentLogger } from '../../src/core/Logger';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { writeRecipe } from '../../src/core/recipe/writeRecipe';
import { sandboxPolicy } from '../../src/core/sandbox/sandboxPolicy';
import { EngineClient } from '../../src/engine/EngineClient';
import { startSandbox } from '../../src/engine/sandbox/Sandbox';
import { sandboxName } from '../../src/engine/sandbox/sandboxName';
import { buildProject } from '../../src/pipeline/buildProject';
import { planProject } from '../../src/pipeline/planProject';
import { figure, interleave, runBench, type BenchOptions, type BenchResult } from './benchKit';

const root = join(__dirname, '..', '..');
const env = { ...process.env, DOCKER_HOST: '' };
const DOCKER = '/usr/bin/docker';
const TAG = `parity-bench/sandbox-hello:${process.pid}`;
const POLL_MS = 25;
const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'bench' },
    { log: silentLogger },
);

function status(url: string): Promise<number> {
    return new Promise((resolve) => {
        const req = request(url, { timeout: 1000, agent: false }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(0));
        req.end();
    });
}

/** The same poll for both: GET every POLL_MS until 200. */
async function firstOk(url: string, timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
        if ((await status(url)) === 200) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function packageHelloNode(): Promise<void> {
    const parent = mkdtempSync(join(tmpdir(), 'parity-bench-'));
    const folder = join(parent, 'hello-node');
    try {
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        const { plan } = await planProject(folder, { log: silentLogger, toolVersion: 'bench' });
        await writeRecipe(folder, renderRecipe(plan, { buildkit: true }));
        await buildProject(client, { projectRoot: folder, tag: TAG, builder: 'buildkit', plan, log: silentLogger });
    } finally {
        rmSync(parent, { recursive: true, force: true });
    }
}

async function paritySandbox(config: Parameters<typeof sandboxPolicy>[0]['image']['config']): Promise<number> {
    const policy = sandboxPolicy({
        name: sandboxName('bench'),
        image: { ref: TAG, config },
        port: 3000,
        settings: { projectLabel: 'parity-bench' },
    });
    const started = performance.now();
    const sandbox = await startSandbox(client, policy, { stopGraceMs: 2000 });
    await firstOk(`${sandbox.url ?? ''}/`);
    const ms = performance.now() - started;
    await sandbox.stop();
    return ms;
}

async function plainDockerRun(): Promise<number> {
    const started = performance.now();
    const id = execFileSync(
        DOCKER,
        [
            'run',
            '-d',
            '--label',
            'parity.managed=true',
            '--label',
            'parity.purpose=bench',
            '-p',
            '127.0.0.1::3000',
            TAG,
        ],
        { env, encoding: 'utf8' },
    ).trim();
    try {
        const port = execFileSync(DOCKER, ['port', id, '3000/tcp'], { env, encoding: 'utf8' })
            .trim()
            .split('\n')[0]
            ?.split(':')
            .pop();
        await firstOk(`http://127.0.0.1:${port}/`);
        return performance.now() - started;
    } finally {
        execFileSync(DOCKER, ['rm', '--force', id], { env, stdio: 'ignore' });
    }
}

export async function run({ runs }: BenchOptions): Promise<BenchResult> {
    try {
        await packageHelloNode();
        const config = (await client.inspectImage(TAG)).Config ?? null;
        // One of each first, so neither side pays for a cold engine or page cache.
        await paritySandbox(config);
        await plainDockerRun();
        const ready = await interleave(runs, () => paritySandbox(config), plainDockerRun);
        return {
            bench: 'sandbox',
            figures: [
                figure('hello-node: run → first HTTP 200 (locked down, limits, attach)', ready.ours, 'ms', {
                    target: { op: '<=', value: 1.2, on: 'ratio' },
                    peer: { name: 'docker run -d -p 127.0.0.1::3000 + docker port', values: ready.peer },
                }),
            ],
            notes: ['both polled the same way (GET every 25 ms) on the same URL, the same packaged image'],
        };
    } finally {
        execFileSync(DOCKER, ['rmi', '--force', TAG], { env, stdio: 'ignore' });
    }
}

if (require.main === module) {
    runBench(run, 7);
}
