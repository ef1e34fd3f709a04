// Package App beyond the examples, on the real engine: native dependencies compiled in a throwaway stage,
// other package managers, and port-less workers — each packaged by the built CLI and run in the sandbox.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { pruneParityImages } from '../support/pruneParityImages';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const root = join(__dirname, '..', '..');
const env = { DOCKER_HOST: '' };
/** A cold build installs apt packages and compiles: minutes, not the CLI's usual seconds. */
const BUILD_TIMEOUT_MS = 10 * 60_000;
const tags: string[] = [];

function copyOf(fixture: string): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity breadth-')), fixture);
    cpSync(join(root, 'test', 'fixtures', 'projects', fixture), folder, { recursive: true });
    return folder;
}

function tagFor(fixture: string): string {
    const tag = `parity-test/breadth-${fixture}:${process.pid}`;
    tags.push(tag);
    return tag;
}

/** The final stage of a multi-stage Dockerfile (after the last FROM). */
function finalStage(dockerfile: string): string {
    return dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
}

describe('Package App breadth on the real engine (built CLI, sandbox)', () => {
    before(requireEngine);
    after(() => {
        for (const tag of tags) {
            for (const id of dockerCli(['ps', '-aq', '--filter', `label=parity.image=${tag}`])
                .split('\n')
                .filter(Boolean)) {
                dockerCli(['rm', '--force', id]);
            }
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Never built.
            }
        }
        pruneParityImages();
    });

    it('bcrypt 5 from the lockfile compiles with node-gyp in the deps stage; the final image runs it without a compiler', () => {
        const folder = copyOf('node-bcrypt-native');
        const tag = tagFor('node-bcrypt-native');
        const run = runParity(['run', folder, '--tag', tag, '--smoke', '/'], { env, timeoutMs: BUILD_TIMEOUT_MS });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, /Smoke test: GET \/ answered 200\./);
        const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
        assert.match(
            dockerfile,
            /^FROM \S+ AS deps\nWORKDIR \/app\n# Native dependencies compile here: g\+\+ make python3 stay in this stage\.\nRUN apt-get update && apt-get install -y --no-install-recommends g\+\+ make python3 /m,
        );
        assert.doesNotMatch(finalStage(dockerfile), /apt-get|g\+\+/);
        const inside = dockerCli([
            'run',
            '--rm',
            '--network',
            'none',
            '--entrypoint',
            'sh',
            tag,
            '-c',
            'find /app/node_modules/bcrypt -path "*Release/bcrypt_lib.node"; command -v g++ || echo "no compiler"',
        ]);
        assert.match(
            inside,
            /build-tmp-napi-v3\/Release\/bcrypt_lib\.node/,
            'node-gyp built the addon (no prebuilt binary was reachable)',
        );
        assert.match(inside, /no compiler$/);
        const plan = runParity(['plan', folder], { env });
        assert.match(
            plan.stdout,
            /System packages for native dependencies:\n {2}build stage only: g\+\+ make python3\n {2}- bcrypt \(package\.json:10\): builds with python3 make g\+\+ — known native package \(dependencies, locked at package-lock\.json:79\)/,
        );
    });

    it('a worker without a port runs in the sandbox and is reported running (--detach), not failed', () => {
        const folder = copyOf('node-worker');
        const tag = tagFor('node-worker');
        const run = runParity(['run', folder, '--tag', tag, '--detach'], { env, timeoutMs: BUILD_TIMEOUT_MS });
        assert.equal(run.code, 0, run.stderr);
        const name = run.stdout.trim();
        assert.match(name, /^parity-sandbox-/);
        try {
            assert.match(run.stderr, /runs as a worker \(no port, nothing waits for it to answer\) and keeps running/);
            assert.doesNotMatch(readFileSync(join(folder, 'Dockerfile'), 'utf8'), /^EXPOSE|^ENV PORT/m);
            assert.equal(
                dockerCli(['inspect', '--format', '{{.State.Running}} {{len .NetworkSettings.Ports}}', name]),
                'true 0',
                'running, nothing published',
            );
            const ps = runParity(['ps'], { env });
            assert.match(ps.stdout, new RegExp(`${name}.*running`));
        } finally {
            assert.equal(runParity(['stop', name], { env }).code, 0);
        }
    });

    it('package --port 8080 on a server whose port Parity cannot find: EXPOSE and PORT in the recipe, and it answers', () => {
        const folder = copyOf('node-config-port');
        const tag = tagFor('node-config-port');
        const packaged = runParity(['package', folder, '--tag', tag, '--port', '8080'], {
            env,
            timeoutMs: BUILD_TIMEOUT_MS,
        });
        assert.equal(packaged.code, 0, packaged.stderr);
        const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /^ENV PORT=8080$/m);
        assert.match(dockerfile, /^EXPOSE 8080$/m);
        const smoke = runParity(['run', tag, '--smoke', '/'], { env, timeoutMs: BUILD_TIMEOUT_MS });
        assert.equal(smoke.code, 0, smoke.stderr);
        assert.match(smoke.stderr, /config-port-server listening on 8080/);
    });

    it('bun: bun from the npm registry at build time (pinned in packageManager), bun install --frozen-lockfile, answers in the sandbox', () => {
        const folder = copyOf('node-bun-api');
        const tag = tagFor('node-bun-api');
        const run = runParity(['run', folder, '--tag', tag, '--smoke', '/'], { env, timeoutMs: BUILD_TIMEOUT_MS });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, /bun-api listening on 3000/);
        const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /npm install --global bun@1\.2\.23$/m);
        assert.match(dockerfile, /bun install --frozen-lockfile --production$/m);
        const answer = JSON.parse(
            dockerCli([
                'run',
                '--rm',
                '--network',
                'none',
                '--entrypoint',
                'bun',
                tag,
                '-e',
                'console.log(JSON.stringify({ v: Bun.version, ms: require("ms")(60000) }))',
            ]),
        ) as { v: string; ms: string };
        assert.deepEqual(
            answer,
            { v: '1.2.23', ms: '1m' },
            'the pinned bun, the locked dependency, no network when it runs',
        );
    });

    for (const [fixture, manager] of [
        ['node-pnpm-api', 'pnpm'],
        ['node-yarn-berry-api', 'yarn-berry'],
    ] as const) {
        it(`${manager}: corepack fetches the pinned manager from the npm registry at build time, a frozen production install, answers in the sandbox`, () => {
            const folder = copyOf(fixture);
            const tag = tagFor(fixture);
            const run = runParity(['run', folder, '--tag', tag, '--smoke', '/'], { env, timeoutMs: BUILD_TIMEOUT_MS });
            assert.equal(run.code, 0, run.stderr);
            assert.match(run.stderr, new RegExp(`${fixture.replace('node-', '')} listening on 8080`));
            const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
            assert.match(dockerfile, /^RUN corepack enable$/m);
            assert.match(
                dockerfile,
                manager === 'pnpm'
                    ? /pnpm install --frozen-lockfile --prod$/m
                    : /yarn workspaces focus --all --production$/m,
            );
            const answer = JSON.parse(
                dockerCli([
                    'run',
                    '--rm',
                    '--network',
                    'none',
                    '--entrypoint',
                    'node',
                    tag,
                    '-e',
                    'let dev = true; try { require.resolve("is-number") } catch { dev = false } console.log(JSON.stringify({ ms: require("ms")(60000), dev }))',
                ]),
            ) as { ms: string; dev: boolean };
            assert.deepEqual(
                answer,
                { ms: '1m', dev: false },
                'the locked dependency, and no dev dependency in the image',
            );
        });
    }
});
