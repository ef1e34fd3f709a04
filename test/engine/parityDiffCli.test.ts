// parity diff as a user runs it (the built CLI against the real engine): exit codes, every format, --out, and
// targets that cannot be diffed — each exit 2 with one line on stderr and nothing written. Drift between
// two containers (TZ, uid …) is diffDrift.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { DiffReport } from '../../src/core/diff/DiffReport';
import { dockerCli } from '../support/dockerCli';
import { runParity } from '../support/runParity';
import { requireEngine } from './requireEngine';

const IMAGE = 'debian:bookworm-slim';
const LABEL = 'parity.test=diff-cli';
const prefix = `parity-test-diff-cli-${process.pid}`;
const RUNNING = `${prefix}-running`;
const EXITED = `${prefix}-exited`;
const DIES = `${prefix}-dies`;
const env = { DOCKER_HOST: '' };
const root = join(__dirname, '..', '..');
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync(join(root, 'schemas', 'diff-report.schema.json'), 'utf8')) as object,
);
// A space in the path: the CLI must work from any folder.
const dir = mkdtempSync(join(tmpdir(), 'parity diff cli '));
const saved = join(dir, 'running.snapshot.json');

function removeContainers(): void {
    const ids = dockerCli(['ps', '--all', '--quiet', '--filter', `label=${LABEL}`, '--filter', `name=${prefix}`])
        .split('\n')
        .filter(Boolean);
    if (ids.length > 0) {
        dockerCli(['rm', '--force', ...ids]);
    }
}

/** Exit 2, one line on stderr that matches, nothing on stdout. */
function assertCouldNotRun(args: readonly string[], message: RegExp): void {
    const result = runParity(['diff', ...args], { env });
    assert.equal(result.code, 2, `${args.join(' ')}\n${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.equal(result.stdout, '');
}

function report(args: readonly string[]): { code: number | null; report: DiffReport } {
    const result = runParity(['diff', ...args, '--format', 'json'], { env });
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    const parsed = JSON.parse(result.stdout) as DiffReport;
    assert.ok(validateReport(parsed), JSON.stringify(validateReport.errors, null, 1));
    return { code: result.code, report: parsed };
}

describe('parity diff (the built CLI, real engine)', () => {
    before(async () => {
        await requireEngine();
        removeContainers();
        dockerCli([
            'run',
            '--detach',
            '--name',
            RUNNING,
            '--label',
            LABEL,
            '--network',
            'none',
            '--entrypoint',
            'sleep',
            IMAGE,
            '600',
        ]);
        dockerCli(['run', '--name', EXITED, '--label', LABEL, '--network', 'none', '--entrypoint', 'true', IMAGE]);
        const snapshot = runParity(['snapshot', '--target', `container:${RUNNING}`, '--out', saved], { env });
        assert.equal(snapshot.code, 0, snapshot.stderr);
    });
    after(() => {
        removeContainers();
        rmSync(dir, { recursive: true, force: true });
    });

    it("a saved snapshot of a container diffed with the container now: no findings, env values compared (both hashed with the user's key)", () => {
        const { code, report: diffed } = report([
            '--from',
            `file:${saved}`,
            '--to',
            `container:${RUNNING}`,
            '--fail-on',
            'info',
        ]);
        assert.deepEqual(diffed.findings, []);
        assert.equal(code, 0);
        assert.deepEqual(
            diffed.unknown.filter((unknown) => unknown.facet === 'env'),
            [],
        );
        assert.deepEqual([diffed.from.kind, diffed.to.kind, diffed.to.ref], ['container', 'container', RUNNING]);
        assert.match(diffed.to.platform, /^linux\/\w+ debian 12$/);
    });

    it('--fail-on decides the exit code: an image against a container of it differs in the start command (a warning)', () => {
        const { code, report: diffed } = report(['--from', `image:${IMAGE}`, '--to', `container:${RUNNING}`]);
        assert.equal(diffed.counts.error, 0, JSON.stringify(diffed.findings));
        assert.ok(
            diffed.findings.some((finding) => finding.rule === 'app.start-command' && finding.severity === 'warning'),
            JSON.stringify(diffed.findings),
        );
        assert.equal(code, 0);
        assert.equal(
            runParity(['diff', '--from', `image:${IMAGE}`, '--to', `container:${RUNNING}`, '--fail-on', 'warning'], {
                env,
            }).code,
            1,
        );
        assert.equal(
            runParity(['diff', '--from', `image:${IMAGE}`, '--to', `container:${RUNNING}`, '--fail-on', 'error'], {
                env,
            }).code,
            0,
        );
    });

    it('every format renders: text, markdown, SARIF 2.1.0, JSON valid against schemas/diff-report.schema.json', () => {
        const args = ['diff', '--from', `file:${saved}`, '--to', `image:${IMAGE}`];
        const text = runParity([...args, '--format', 'text'], { env });
        assert.equal(text.code, 0, text.stderr);
        assert.match(text.stdout, /^Parity Report: file:.* → image:debian:bookworm-slim\n/);
        const markdown = runParity([...args, '--format', 'markdown'], { env });
        assert.equal(markdown.code, 0, markdown.stderr);
        assert.match(markdown.stdout, /^### Parity diff: .* → <code>image&#58;debian&#58;bookworm&#45;slim<\/code>\n/);
        const sarif = runParity([...args, '--format', 'sarif'], { env });
        assert.equal(sarif.code, 0, sarif.stderr);
        const log = JSON.parse(sarif.stdout) as { version: string; runs: { tool: { driver: { name: string } } }[] };
        assert.deepEqual([log.version, log.runs[0]?.tool.driver.name], ['2.1.0', 'Parity']);
        report(args.slice(1));
    });

    it('three-way: --via the image between a saved snapshot and the container; each finding says where it came in', () => {
        const { report: diffed } = report([
            '--from',
            `file:${saved}`,
            '--via',
            `image:${IMAGE}`,
            '--to',
            `container:${RUNNING}`,
        ]);
        assert.equal(diffed.via?.target, `image:${IMAGE}`);
        assert.deepEqual(diffed.findings, [], 'the container runs what the saved snapshot had');
    });

    it('--from defaults to host:. (the current folder)', () => {
        const project = mkdtempSync(join(dir, 'project '));
        writeFileSync(join(project, 'package.json'), '{ "name": "app", "scripts": { "start": "node server.js" } }\n');
        const result = runParity(['diff', '--to', `container:${RUNNING}`, '--format', 'json'], { env, cwd: project });
        assert.ok(result.code === 0 || result.code === 1, result.stderr);
        const diffed = JSON.parse(result.stdout) as DiffReport;
        assert.deepEqual(
            [diffed.from.target, diffed.from.kind, diffed.to.target],
            ['host:.', 'host', `container:${RUNNING}`],
        );
    });

    it('--out writes the whole report and prints nothing; the report still decides the exit code', () => {
        const out = join(dir, 'report.sarif');
        const result = runParity(
            [
                'diff',
                '--from',
                `image:${IMAGE}`,
                '--to',
                `container:${RUNNING}`,
                '--format',
                'sarif',
                '--out',
                out,
                '--fail-on',
                'warning',
            ],
            { env },
        );
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.stdout, '');
        assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { version: string }).version, '2.1.0');
    });

    it('an image that does not exist: exit 2, nothing written', () => {
        const out = join(dir, 'missing-image.txt');
        assertCouldNotRun(
            ['--from', `file:${saved}`, '--to', `image:parity-test/no-such-image:${process.pid}`, '--out', out],
            /^parity: .*no-such-image/,
        );
        assert.equal(existsSync(out), false);
    });

    it('a container that does not exist: exit 2 naming it', () => {
        assertCouldNotRun(
            ['--from', `file:${saved}`, '--to', `container:${prefix}-never-created`],
            /^parity: There is no container .*-never-created on the engine/,
        );
    });

    it('a container that is not running: exit 2, saying so and how to diff its image instead', () => {
        assertCouldNotRun(
            ['--from', `file:${saved}`, '--to', `container:${EXITED}`],
            /^parity: Container .*-exited is not running \(exited .*with code 0\); start it or probe its image/,
        );
    });

    it('a container that exits while it is probed: exit 2, never half a snapshot', () => {
        // /bin/sh becomes a wrapper that tells the main process to exit, then waits a second before running the
        // probe's script: the container always stops while the probe runs, however fast the probe is.
        const dying = [
            'mv /bin/sh /bin/sh.real',
            'printf \'#!/bin/sh.real\\ntouch /tmp/die\\nsleep 1\\nexec /bin/sh.real "$@"\\n\' > /bin/sh',
            'chmod +x /bin/sh',
            'while [ ! -e /tmp/die ]; do sleep 0.05; done',
            'exit 7',
        ].join('; ');
        dockerCli([
            'run',
            '--detach',
            '--name',
            DIES,
            '--label',
            LABEL,
            '--network',
            'none',
            '--user',
            '0',
            '--entrypoint',
            'sh',
            IMAGE,
            '-c',
            dying,
        ]);
        const out = join(dir, 'dies.json');
        assertCouldNotRun(
            ['--from', `file:${saved}`, '--to', `container:${DIES}`, '--out', out],
            /^parity: Container .*-dies stopped \(exited, exit code 7\) while Parity probed it, so its snapshot is incomplete/,
        );
        assert.equal(existsSync(out), false);
    });

    it("no engine: exit 2 with the engine's one line", () => {
        const result = spawnSync(
            process.execPath,
            [join(root, 'dist', 'cli.js'), 'diff', '--from', `file:${saved}`, '--to', `container:${RUNNING}`],
            { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/parity-diff.sock' } },
        );
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^parity: .*\/nonexistent\/parity-diff\.sock/);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    });
});
