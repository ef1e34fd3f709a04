// Run like Target against the real engine: target containers made here (node 20.20.2, Asia/Tokyo, C.UTF-8,
// nofile 4096, FOO/BAR, uid 1000 — and one that runs as root), hello-node run like each, and what the app
// really gets read INSIDE the running sandbox (its PID 1: /proc/1/status, /proc/1/limits, /proc/1/environ).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { LIKE_TARGET_CAPS, type LikeNote } from '../../src/core/sandbox/planLikeTarget';
import { EngineClient } from '../../src/engine/EngineClient';
import type { Sandbox } from '../../src/engine/sandbox/Sandbox';
import { projectImageName } from '../../src/pipeline/imageTagFor';
import { runLikeTarget, type RunLikeTargetOptions } from '../../src/pipeline/runLikeTarget';
import { captureEngineTarget } from '../../src/pipeline/targets/captureEngineTarget';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);
const NODE_IMAGE = 'node:20.20.2-bookworm-slim';
const APP_TARGET = `parity-test-like-app-${process.pid}`;
const ROOT_TARGET = `parity-test-like-root-${process.pid}`;
const SCOPE = `parity-test-like-${process.pid}`;

/** A long-running target container, labelled so it is recognisably this suite's. */
function startTarget(name: string, args: readonly string[]): void {
    dockerCli([
        'run',
        '-d',
        '--name',
        name,
        '--label',
        `parity-test=${SCOPE}`,
        ...args,
        NODE_IMAGE,
        'sleep',
        'infinity',
    ]);
}

/** Runs a command in the sandbox as its own user; `/proc/1` is the app itself. */
function inSandbox(sandbox: Sandbox, script: string): string {
    return dockerCli(['exec', sandbox.name, 'sh', '-c', script]);
}

/** Stops a sandbox and checks the engine no longer has it. */
async function stopped(sandbox: Sandbox): Promise<void> {
    await sandbox.stop('requested', 1000);
    assert.equal(dockerCli(['ps', '-aq', '--filter', `name=^${sandbox.name}$`]), '', `${sandbox.name} was removed`);
}

function field(text: string, name: string): string | undefined {
    return new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim();
}

describe('Run like Target (real engine)', () => {
    let folder = '';
    const started: Sandbox[] = [];
    const options = (notes: LikeNote[], given: Record<string, string>, asked: string[][]): RunLikeTargetOptions => ({
        // The project's own plan is node 20 (node:20-bookworm-slim), so the target's 20.20.2 means a rebuild.
        plan: { overrides: { runtimeVersion: '20' } },
        log: silentLogger,
        toolVersion: 'test',
        env: { ...process.env, DOCKER_HOST: '' },
        clientFor: () => Promise.resolve(client),
        envValues: (names) => {
            asked.push([...names]);
            return Promise.resolve(given);
        },
        onNote: (note) => notes.push(note),
        stopGraceMs: 1000,
    });

    before(async () => {
        await requireEngine();
        assert.ok(
            dockerCli(['images', '-q', NODE_IMAGE]) !== '',
            `${NODE_IMAGE} is missing — start the test bed: npm run testbed -- up images`,
        );
        startTarget(APP_TARGET, [
            '--user',
            '1000:1000',
            '-e',
            'TZ=Asia/Tokyo',
            '-e',
            'LANG=C.UTF-8',
            '-e',
            'FOO=target-foo',
            '-e',
            'BAR=target-bar',
            '--ulimit',
            'nofile=4096:4096',
            '--memory',
            '300m',
        ]);
        startTarget(ROOT_TARGET, [
            '--user',
            '0:0',
            '-e',
            'TZ=Europe/Berlin',
            '-e',
            'BAR=x',
            '--ulimit',
            'nofile=2048:2048',
        ]);
        folder = join(mkdtempSync(join(tmpdir(), 'parity like ')), 'hello-node');
        cpSync(join(__dirname, '..', '..', 'examples', 'hello-node'), folder, { recursive: true });
        writeFileSync(join(folder, '.env'), 'FOO=from-dotenv\nUNRELATED=not-on-the-target\n');
    });

    after(async () => {
        const mine = dockerCli(['ps', '-aq', '--filter', `label=parity.project=${folder}`]);
        for (const sandbox of started) {
            await sandbox.stop('requested', 0).catch(() => undefined);
        }
        for (const name of [APP_TARGET, ROOT_TARGET]) {
            dockerCli(['rm', '--force', name]);
        }
        const name = projectImageName(folder);
        for (const tag of ['like-node-20.20.2', 'parity']) {
            try {
                dockerCli(['rmi', '--force', `${name}:${tag}`]);
            } catch {
                // Not built by this run.
            }
        }
        rmSync(join(folder, '..'), { recursive: true, force: true });
        for (const id of mine.split('\n').filter(Boolean)) {
            dockerCli(['rm', '--force', id]);
        }
    });

    it('runs hello-node like a uid-1000 container in Asia/Tokyo: runtime, TZ, locale, nofile, user and variables match inside the sandbox', async () => {
        const notes: LikeNote[] = [];
        const asked: string[][] = [];
        const result = await runLikeTarget(
            client,
            folder,
            { kind: 'container', name: APP_TARGET },
            options(notes, { BAR: 'given-bar', NOT_ASKED: 'x' }, asked),
        );
        assert.ok(result, 'the run was not stopped');
        started.push(result.sandbox);
        await result.sandbox.waitReady({ path: '/healthz' });

        assert.deepEqual(asked, [['BAR']], 'FOO comes from .env; only BAR is asked for');
        assert.equal(result.choice.image, `${projectImageName(folder)}:like-node-20.20.2`);
        const labels = (await client.inspectImage(result.choice.image)).Config?.Labels ?? {};
        assert.equal(
            labels['org.opencontainers.image.base.name'],
            NODE_IMAGE,
            "the image was rebuilt on the target's node",
        );
        assert.ok(
            notes.some(
                (note) => note.facet === 'runtime' && note.kind === 'taken' && note.message.includes('node 20.20.2'),
            ),
        );

        const status = inSandbox(result.sandbox, 'cat /proc/1/status');
        assert.equal(field(status, 'Uid')?.split(/\s+/)[0], '1000');
        assert.equal(field(status, 'Gid')?.split(/\s+/)[0], '1000');
        assert.equal(field(status, 'CapEff'), '0000000000000000');
        assert.equal(field(status, 'NoNewPrivs'), '1');
        assert.equal(inSandbox(result.sandbox, 'node --version'), 'v20.20.2');
        assert.match(
            inSandbox(result.sandbox, 'grep "Max open files" /proc/1/limits'),
            /Max open files\s+4096\s+4096\s+files/,
        );
        assert.equal(
            inSandbox(result.sandbox, 'node -e "console.log(Intl.DateTimeFormat().resolvedOptions().timeZone)"'),
            'Asia/Tokyo',
        );
        const environ = inSandbox(result.sandbox, 'tr "\\0" "\\n" < /proc/1/environ').split('\n');
        assert.ok(environ.includes('TZ=Asia/Tokyo'));
        assert.ok(environ.includes('LANG=C.UTF-8'));
        assert.ok(environ.includes('FOO=from-dotenv'), "FOO from the project's .env");
        assert.ok(environ.includes('BAR=given-bar'), 'BAR as given');
        assert.ok(
            !environ.some((entry) => entry.startsWith('UNRELATED=') || entry.startsWith('NOT_ASKED=')),
            'nothing the target does not have',
        );
        assert.match(
            inSandbox(result.sandbox, 'touch /parity-probe 2>&1 || echo refused'),
            /Read-only file system|refused/,
        );
        const host = (await client.inspectContainer(result.sandbox.name)).HostConfig as {
            Memory?: number;
            ReadonlyRootfs?: boolean;
            CapDrop?: string[];
        };
        assert.equal(host.Memory, 300 * 1024 * 1024, "the target's memory limit");
        assert.equal(host.ReadonlyRootfs, true);
        assert.deepEqual(host.CapDrop, ['ALL']);
        await stopped(result.sandbox);
    });

    it('runs like a root target without root: non-root uid, no capabilities, no-new-privileges, read-only root — and reuses the rebuilt image', async () => {
        const notes: LikeNote[] = [];
        const result = await runLikeTarget(
            client,
            folder,
            { kind: 'container', name: ROOT_TARGET },
            options(notes, { BAR: 'b' }, []),
        );
        assert.ok(result);
        started.push(result.sandbox);
        await result.sandbox.waitReady({ path: '/healthz' });
        assert.equal(result.choice.how, 'current', 'the image built for node 20.20.2 is used again');
        assert.ok(
            notes.some(
                (note) =>
                    note.facet === 'user' &&
                    note.kind === 'refused' &&
                    /runs as root; the sandbox never does/.test(note.message),
            ),
        );

        const status = inSandbox(result.sandbox, 'cat /proc/1/status');
        assert.notEqual(field(status, 'Uid')?.split(/\s+/)[0], '0');
        assert.equal(field(status, 'CapEff'), '0000000000000000');
        assert.equal(field(status, 'CapPrm'), '0000000000000000');
        assert.equal(field(status, 'NoNewPrivs'), '1');
        assert.match(
            inSandbox(result.sandbox, 'touch /etc/parity-probe 2>&1 || echo refused'),
            /Read-only file system|refused/,
        );
        assert.equal(
            inSandbox(result.sandbox, 'node -e "console.log(Intl.DateTimeFormat().resolvedOptions().timeZone)"'),
            'Europe/Berlin',
        );
        assert.match(
            inSandbox(result.sandbox, 'grep "Max open files" /proc/1/limits'),
            /Max open files\s+2048\s+2048\s+files/,
        );
        await stopped(result.sandbox);
    });

    it('runs like a hostile saved snapshot: bad values refused or capped with a note, root refused, hardening intact', async () => {
        const { snapshot } = await captureEngineTarget(
            client,
            { kind: 'container', name: APP_TARGET },
            { log: silentLogger, toolVersion: 'test' },
        );
        const hostile = {
            ...snapshot,
            runtimes: {
                node: { declared: [], installed: { version: '20.20.2; rm -rf /', path: null, manager: 'image' } },
            },
            timezone: { name: null, tzVar: '../../etc/passwd', offsetMinutes: 0 },
            locale: { vars: { LANG: '$(touch /tmp/pwned)', LC_ALL: null }, effective: 'C', encoding: null },
            user: { uid: 0, gid: 0, name: 'root', home: '/root' },
            limits: { nofile: { soft: 2 ** 40, hard: null }, nproc: null },
            env: {
                ...snapshot.env,
                LD_PRELOAD: { sha256: '', secret: false, source: 'container' },
                SSH_AUTH_SOCK: { sha256: '', secret: false, source: 'container' },
            },
        };
        mkdirSync(join(folder, '.parity'), { recursive: true });
        writeFileSync(join(folder, '.parity', 'hostile.snapshot.json'), JSON.stringify(hostile));
        const notes: LikeNote[] = [];
        const asked: string[][] = [];
        const result = await runLikeTarget(
            client,
            folder,
            { kind: 'file', path: '.parity/hostile.snapshot.json' },
            { ...options(notes, { BAR: 'b' }, asked), base: folder },
        );
        assert.ok(result);
        started.push(result.sandbox);
        await result.sandbox.waitReady({ path: '/healthz' });
        const kinds = Object.fromEntries(
            notes.filter((note) => note.kind !== 'taken').map((note) => [`${note.facet}/${note.kind}`, true]),
        );
        for (const expected of [
            'runtime/refused',
            'timezone/refused',
            'locale/refused',
            'user/refused',
            'limits/capped',
            'env/refused',
        ]) {
            assert.ok(kinds[expected], `${expected} in ${JSON.stringify(notes, null, 1)}`);
        }
        assert.deepEqual(asked, [['BAR']], 'LD_PRELOAD and SSH_AUTH_SOCK are never asked for');
        assert.notEqual(result.choice.image.split(':').pop(), 'like-node-20.20.2; rm -rf /');

        const status = inSandbox(result.sandbox, 'cat /proc/1/status');
        assert.notEqual(field(status, 'Uid')?.split(/\s+/)[0], '0');
        assert.equal(field(status, 'CapEff'), '0000000000000000');
        assert.equal(field(status, 'NoNewPrivs'), '1');
        const environ = inSandbox(result.sandbox, 'tr "\\0" "\\n" < /proc/1/environ').split('\n');
        assert.ok(
            !environ.some(
                (entry) =>
                    entry.startsWith('TZ=../') ||
                    entry.includes('$(') ||
                    entry.startsWith('LD_PRELOAD=') ||
                    entry.startsWith('SSH_AUTH_SOCK='),
            ),
            environ.join(' '),
        );
        const files = /Max open files\s+(\d+)\s+(\d+)/.exec(
            inSandbox(result.sandbox, 'grep "Max open files" /proc/1/limits'),
        );
        assert.ok(files && Number(files[2]) <= LIKE_TARGET_CAPS.nofile, 'nofile capped');
        assert.match(
            inSandbox(result.sandbox, 'touch /parity-probe 2>&1 || echo refused'),
            /Read-only file system|refused/,
        );
        await stopped(result.sandbox);
    });

    it('parity run --like refuses a target variable that has no value, before building, and leaves nothing', () => {
        // FOO is in .env and BAR passed from parity's environment (empty counts as set): nothing is missing.
        const run = runParity(
            ['run', folder, '--like', `container:${APP_TARGET}`, '--pass-env', 'BAR', '--smoke', '/healthz'],
            { env: { DOCKER_HOST: '', BAR: '' } },
        );
        assert.equal(run.code, 0, run.stderr);
        assert.match(
            run.stderr,
            /Like container:parity-test-like-app-\d+: TZ=Asia\/Tokyo, as container:parity-test-like-app-\d+ sets it\./,
        );
        assert.match(
            run.stderr,
            /Like container:parity-test-like-app-\d+: BAR from parity's environment \(values not shown\)\./,
        );
        // Exported but not passed: the snapshot names BAR, and that alone must not take the shell's value.
        const unpassed = runParity(['run', folder, '--like', `container:${APP_TARGET}`, '--smoke', '/healthz'], {
            env: { DOCKER_HOST: '', BAR: 'from-the-shell' },
        });
        assert.equal(unpassed.code, 2);
        assert.match(
            unpassed.stderr,
            /has BAR, which neither the project's \.env nor --pass-env gives a value: pass its value with --pass-env BAR .* or give --allow-missing-env/,
        );
        const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: '' };
        delete env.BAR;
        const refused = runParity(
            ['run', folder, '--like', `container:${APP_TARGET}`, '--pass-env', 'BAR', '--smoke', '/healthz'],
            { env },
        );
        assert.equal(refused.code, 2);
        assert.match(
            refused.stderr,
            /has BAR, which neither the project's \.env nor --pass-env gives a value: export it for this run, or give --allow-missing-env/,
        );
        assert.doesNotMatch(refused.stderr + unpassed.stderr, /Building|Sandbox parity-sandbox/);
        const allowed = runParity(
            ['run', folder, '--like', `container:${APP_TARGET}`, '--allow-missing-env', '--smoke', '/healthz'],
            { env },
        );
        assert.equal(allowed.code, 0, allowed.stderr);
        assert.match(allowed.stderr, /BAR has no value here and stays unset \(--allow-missing-env\)/);
        assert.equal(
            dockerCli(['ps', '-aq', '--filter', `label=parity.project=${folder}`]),
            '',
            'every smoke run removed its sandbox',
        );
    });

    it('parity run --like names a target that is not there, and leaves nothing', () => {
        const missing = runParity(['run', folder, '--like', `container:parity-test-like-missing-${process.pid}`], {
            env: { DOCKER_HOST: '' },
        });
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, new RegExp(`parity-test-like-missing-${process.pid}`));
        const host = runParity(['run', folder, '--like', 'host:.'], { env: { DOCKER_HOST: '' } });
        assert.equal(host.code, 2);
        assert.match(host.stderr, /host:\.: running like this machine is what a plain run does/);
        assert.equal(dockerCli(['ps', '-aq', '--filter', `label=parity.project=${folder}`]), '');
    });
});
