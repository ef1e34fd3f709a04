// parity run / ps / stop as a user runs them (the built CLI against the real engine); what clean, stop and ps
// count as Parity's is in sandboxOwnership.test.ts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerCli } from '../support/dockerCli';
import { pruneParityImages } from '../support/pruneParityImages';
import { PARITY_CLI, runParity } from '../support/runParity';
import { waitForHttp } from '../support/waitForHttp';
import { requireEngine } from './requireEngine';

const root = join(__dirname, '..', '..');
const env = { DOCKER_HOST: '' };
const tag = `parity-test/sandbox-hello:${process.pid}`;

/** Sandboxes started from this suite's image (the CLI labels each with the reference it ran). */
function sandboxesOf(image: string): string[] {
    return dockerCli([
        'ps',
        '-aq',
        '--filter',
        'label=parity.purpose=sandbox',
        '--filter',
        `label=parity.image=${image}`,
    ])
        .split('\n')
        .filter(Boolean);
}

describe('parity run / ps / stop (the built CLI, real engine)', () => {
    let folder = '';
    before(async () => {
        await requireEngine();
        folder = join(mkdtempSync(join(tmpdir(), 'parity-cli-run-')), 'hello-node');
        cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
        const packaged = runParity(['package', folder, '--tag', tag], { env });
        assert.equal(packaged.code, 0, packaged.stderr);
    });
    after(() => {
        for (const id of sandboxesOf(tag)) {
            dockerCli(['rm', '--force', id]);
        }
        dockerCli(['rmi', '--force', tag]);
        pruneParityImages();
    });

    it('run --smoke /healthz on the packaged hello-node image exits 0 and leaves nothing', () => {
        const result = runParity(['run', tag, '--smoke', '/healthz'], { env });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^Ready at http:\/\/127\.0\.0\.1:\d+\n$/);
        assert.match(result.stderr, /User node — the image's USER; all capabilities dropped; no-new-privileges\./);
        assert.match(result.stderr, /Memory 512 MiB, no swap — Parity's default\./);
        assert.match(result.stderr, /hello-node listening on 3000/, "the app's own output is shown");
        assert.match(result.stderr, /Smoke test: GET \/healthz answered 200\./);
        assert.match(result.stderr, /Sandbox parity-sandbox-sandbox-hello-[0-9a-f]+ stopped\./);
        assert.deepEqual(sandboxesOf(tag), []);
    });

    it('run --smoke on the project folder uses its image when it is up to date, rebuilds when a file changed', () => {
        const current = runParity(
            ['run', folder, '--tag', tag, '--smoke', '/healthz', '--memory', '256m', '--cpus', '0.5', '--pids', '64'],
            { env },
        );
        assert.equal(current.code, 0, current.stderr);
        assert.match(
            current.stderr,
            /is up to date with the Dockerfile and every file of the build context; not building/,
        );
        assert.match(current.stderr, /Memory 256 MiB, no swap — your setting\./);
        assert.match(current.stderr, /At most 64 processes — your setting\./);
        cpSync(join(folder, 'server.js'), join(folder, 'server.js.bak'));
        const changed = runParity(['run', folder, '--tag', tag, '--smoke', '/healthz'], { env });
        assert.equal(changed.code, 0, changed.stderr);
        assert.match(changed.stderr, /Building parity-test\/sandbox-hello:\d+ — server\.js\.bak changed since/);
        assert.deepEqual(sandboxesOf(tag), []);
    });

    it('run --detach prints the name once ready; ps lists it; stop removes it', async () => {
        const started = runParity(['run', tag, '--detach'], { env });
        assert.equal(started.code, 0, started.stderr);
        const name = started.stdout.trim();
        assert.match(name, /^parity-sandbox-sandbox-hello-[0-9a-f]{6}$/);
        const url = /Ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(started.stderr)?.[1];
        assert.ok(url, started.stderr);
        assert.match(await waitForHttp(`${url}/healthz`, 5000), /^ok/);

        const listed = runParity(['ps', '--json'], { env });
        assert.equal(listed.code, 0, listed.stderr);
        const row = (
            JSON.parse(listed.stdout) as { name: string; state: string; url: string | null; image: string }[]
        ).find((entry) => entry.name === name);
        assert.deepEqual(row && { state: row.state, url: row.url, image: row.image }, {
            state: 'running',
            url,
            image: tag,
        });
        const table = runParity(['ps'], { env });
        assert.match(table.stdout, /^NAME +IMAGE +STATE +PORTS +AGE$/m);
        assert.match(
            table.stdout,
            new RegExp(`^${name} +${tag.replace(/[/:.]/g, '\\$&')} +running +127\\.0\\.0\\.1:\\d+->3000/tcp +`, 'm'),
        );

        const stopped = runParity(['stop', name], { env });
        assert.equal(stopped.code, 0, stopped.stderr);
        assert.equal(stopped.stdout.trim(), name);
        assert.match(stopped.stderr, /stopped; removed\./);
        assert.deepEqual(sandboxesOf(tag), []);
    });

    it('Ctrl-C in the foreground stops and removes the sandbox (exit 0)', { timeout: 60_000 }, async () => {
        const child = spawn(process.execPath, [PARITY_CLI, 'run', tag], {
            env: { ...process.env, ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
        });
        child.stderr.on('data', (chunk: Buffer) => {
            stderr += chunk.toString();
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        const deadline = Date.now() + 30_000;
        while (!/Ready at/.test(stdout) && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const url = /Ready at (\S+)/.exec(stdout)?.[1];
        assert.ok(url, stderr);
        assert.match(await waitForHttp(url, 5000), /"hello":"world"/);
        child.kill('SIGINT');
        assert.equal(await exited, 0, stderr);
        assert.match(stderr, /stopped\./);
        assert.deepEqual(sandboxesOf(tag), []);
    });

    it('an app that ends before it answers fails the smoke test (exit 1) and leaves nothing', () => {
        const result = runParity(['run', 'busybox:latest', '--port', '8080', '--smoke', '/'], { env });
        assert.equal(result.code, 1, result.stderr);
        assert.match(result.stderr, /The app exited with code 0 before it answered/);
        assert.deepEqual(sandboxesOf('busybox:latest'), []);
    });

    it("--target with a hostile snapshot file: exit 2 naming the JSON path; a 64 TiB memory limit is lowered to the engine's", () => {
        const snapshot = runParity(['snapshot', folder], { env });
        assert.equal(snapshot.code, 0, snapshot.stderr);
        const valid = JSON.parse(snapshot.stdout) as Record<string, unknown>;
        const dir = mkdtempSync(join(tmpdir(), 'parity-cli-target-'));
        const cases: [Record<string, unknown>, RegExp][] = [
            [
                { limits: null },
                /--target: .*prod\.snapshot\.json is not a valid Parity snapshot: limits: must be an object, not null\./,
            ],
            [
                { user: { uid: '0', gid: 0, name: 'root', home: '/root' } },
                /user\.uid: must be an integer or null, not a string/,
            ],
            [{ schemaVersion: 2 }, /prod\.snapshot\.json was made by a newer Parity: schemaVersion: is 2/],
        ];
        for (const [change, message] of cases) {
            const file = join(dir, 'prod.snapshot.json');
            writeFileSync(file, JSON.stringify({ ...valid, ...change }));
            const result = runParity(['run', tag, '--target', file, '--smoke', '/healthz'], { env });
            assert.equal(result.code, 2, `${JSON.stringify(change)}: ${result.stderr}`);
            assert.match(result.stderr, message);
            assert.deepEqual(sandboxesOf(tag), [], 'nothing was started');
        }

        const huge = 64 * 1024 ** 4;
        const file = join(dir, 'huge.snapshot.json');
        writeFileSync(
            file,
            JSON.stringify({ ...valid, resources: { cpus: 1, memoryBytes: huge, memoryLimitBytes: huge } }),
        );
        const engineMemory = Number(dockerCli(['info', '--format', '{{.MemTotal}}']));
        const result = runParity(['run', tag, '--target', file, '--smoke', '/healthz'], { env });
        assert.equal(result.code, 0, result.stderr);
        assert.match(
            result.stderr,
            new RegExp(
                `The target has 67108864 MiB of memory; the engine has ${Math.floor(engineMemory / 1024 ** 2)}(\\.\\d+)? MiB, so the sandbox gets`,
            ),
        );
        assert.deepEqual(sandboxesOf(tag), []);
    });

    it('bad inputs exit 2 with a reason', () => {
        const packageJson = join(root, 'examples', 'hello-node', 'package.json');
        const cases: [string[], RegExp][] = [
            [['run'], /run takes one IMAGE or PATH, not 0/],
            [['run', tag, '--memory', 'lots'], /--memory takes a size such as 512m or 1g, not "lots"/],
            [['run', tag, '--memory', '2m'], /below the engine's minimum of 6 MiB/],
            [['run', tag, '--network', 'host'], /--network is bridge or none, not "host"/],
            [['run', tag, '--smoke', 'healthz'], /--smoke takes a path starting with \//],
            [['run', tag, '--smoke', '/', '--detach'], /--smoke and --detach do not go together/],
            [['run', 'parity-test/no-such-image:1'], /There is no folder parity-test\/no-such-image:1 and no image/],
            [
                ['run', tag, '--target', '/nonexistent/prod.snapshot.json'],
                /--target: The target takes a snapshot file, container:NAME or image:REF; "\/nonexistent\/prod.snapshot.json" is none of them/,
            ],
            [
                ['run', tag, '--target', packageJson],
                /--target: .*package\.json is not a valid Parity snapshot: schemaVersion: is missing; meta: is missing/,
            ],
            [['stop'], /stop needs the NAME of a sandbox/],
            [['stop', 'x', '--all'], /stop takes NAMEs or --all, not both/],
            [['stop', 'parity-no-such-sandbox'], /There is no container named parity-no-such-sandbox/],
        ];
        for (const [args, message] of cases) {
            const result = runParity(args, { env });
            assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
            assert.match(result.stderr, message, args.join(' '));
        }
    });
});
