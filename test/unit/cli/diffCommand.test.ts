// parity diff in-process on saved snapshots (no engine): formats, --fail-on exit codes, --out, and bad input —
// exit 2 with one clear line and nothing written.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { DiffReport } from '../../../src/core/diff/DiffReport';
import type { Snapshot } from '../../../src/core/snapshot/Snapshot';
import { validSnapshot } from '../core/snapshot/validSnapshot';
import { type CliRun, runCliInProcess } from '../../support/runCliInProcess';

const env = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/parity-test.sock' };
const dir = mkdtempSync(join(tmpdir(), 'parity diff cli '));
after(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, content: string | object): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
}

async function parity(...args: string[]): Promise<CliRun> {
    return await runCliInProcess(env, args);
}

const laptop = `file:${save('laptop.json', validSnapshot)}`;
// A timezone warning and an uid warning; nothing at error.
const cloud = `file:${save('cloud.json', { ...validSnapshot, meta: { ...validSnapshot.meta, source: { kind: 'container', ref: 'web' } }, timezone: { name: 'Europe/Berlin', tzVar: 'Europe/Berlin', offsetMinutes: 60 }, user: { uid: 2000, gid: 1000, name: 'app', home: '/app' } } satisfies Snapshot)}`;
// Also a runtime a major version apart: an error.
const older = `file:${save('older.json', { ...validSnapshot, runtimes: { node: { declared: [], installed: { version: '18.19.0', path: null, manager: 'image' } } } } satisfies Snapshot)}`;

describe('parity diff (saved snapshots)', () => {
    it('text by default; exit 0 below --fail-on error, 1 at or above --fail-on warning', async () => {
        const result = await parity('diff', '--from', laptop, '--to', cloud);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^Parity Report: file:.*laptop\.json → file:.*cloud\.json\n/);
        assert.match(result.stdout, /2 warnings/);
        assert.equal((await parity('diff', '--from', laptop, '--to', cloud, '--fail-on', 'warning')).code, 1);
        assert.equal((await parity('diff', '--from', laptop, '--to', cloud, '--fail-on', 'info')).code, 1);
        assert.equal((await parity('diff', '--from', laptop, '--to', older)).code, 1);
        assert.equal((await parity('diff', '--from', laptop, '--to', laptop, '--fail-on', 'info')).code, 0);
    });

    it('--format json is the DiffReport; markdown and sarif render too', async () => {
        const json = await parity('diff', '--from', laptop, '--to', cloud, '--format', 'json');
        assert.equal(json.code, 0, json.stderr);
        const report = JSON.parse(json.stdout) as DiffReport;
        assert.deepEqual(
            [report.reportVersion, report.from.target, report.to.kind, report.counts],
            [1, laptop, 'container', { error: 0, warning: 2, info: 0 }],
        );
        assert.deepEqual(report.findings.map((finding) => finding.rule).sort(), ['timezone.name', 'user.uid']);
        const markdown = await parity('diff', '--from', laptop, '--to', cloud, '--format', 'markdown');
        assert.equal(markdown.code, 0, markdown.stderr);
        assert.match(markdown.stdout, /timezone/);
        const sarif = await parity('diff', '--from', laptop, '--to', cloud, '--format', 'sarif');
        assert.equal(sarif.code, 0, sarif.stderr);
        assert.equal((JSON.parse(sarif.stdout) as { version: string }).version, '2.1.0');
    });

    it('--out writes the report whole and nothing on stdout; the report still decides the exit code', async () => {
        const out = join(dir, 'report.json');
        const result = await parity('diff', '--from', laptop, '--to', older, '--format', 'json', '--out', out);
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /Diff report written to/);
        assert.equal((JSON.parse(readFileSync(out, 'utf8')) as DiffReport).counts.error, 1);
    });

    it('--out into a folder that does not exist: exit 2, one line, nothing created', async () => {
        const missing = join(dir, 'no such folder');
        const result = await parity('diff', '--from', laptop, '--to', cloud, '--out', join(missing, 'report.txt'));
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^parity: --out: there is no folder .*no such folder to write/);
        assert.equal(result.stderr.trim().split('\n').length, 1);
        assert.equal(existsSync(missing), false);
        const folder = await parity('diff', '--from', laptop, '--to', cloud, '--out', dir);
        assert.equal(folder.code, 2);
        assert.match(folder.stderr, /^parity: --out: .* is a folder; name the file to write\.\n$/);
    });

    it('a wrong --format or --fail-on, a missing --to, an unknown target kind or an empty value: exit 2 naming it', async () => {
        const cases: [string[], RegExp][] = [
            [['--to', cloud, '--format', 'html'], /--format must be text, json, markdown, sarif, not "html"/],
            [['--to', cloud, '--fail-on', 'critical'], /--fail-on must be error, warning or info, not "critical"/],
            [[], /diff needs --to T/],
            [
                ['--to', 'vm:web'],
                /--to: "vm:web" is not a target: use host:PATH, image:REF, container:NAME, swarm:SERVICE, registry:REF or file:PATH/,
            ],
            [['--to', 'container:'], /--to: "container:" names no container after "container:"/],
            [['--from', 'web', '--to', cloud], /--from: "web" is not a target/],
            [
                ['--to', cloud, '--node-engine', 'worker-2'],
                /--node-engine: write it as HOSTNAME=ENGINE .*not "worker-2"/,
            ],
            [['--to', cloud, '--node-engine', '=tcp://10.0.0.2:2376'], /--node-engine: write it as HOSTNAME=ENGINE/],
            [['--to', cloud, '--node-engine', 'worker-2=not a context!'], /--node-engine: write it as HOSTNAME=ENGINE/],
        ];
        for (const [args, message] of cases) {
            const result = await parity('diff', ...args);
            assert.equal(result.code, 2, args.join(' '));
            assert.match(result.stderr, message);
            assert.equal(result.stdout, '');
        }
    });

    it('a malformed, foreign or newer snapshot file: exit 2 with one line naming the file and the JSON path; no --out file is left', async () => {
        const cases: [string, RegExp][] = [
            [
                save('malformed.json', '{"schemaVersion": 1, "meta": '),
                /malformed\.json is not a snapshot: snapshot: is not JSON/,
            ],
            [
                save('package.json', { name: 'app', version: '1.0.0' }),
                /package\.json is not a valid Parity snapshot: .*(schemaVersion|meta)/,
            ],
            [
                save('newer.json', { ...validSnapshot, schemaVersion: 7 }),
                /newer\.json was made by a newer Parity: schemaVersion: is 7/,
            ],
        ];
        for (const [path, message] of cases) {
            const out = join(dir, 'never.txt');
            const result = await parity('diff', '--from', laptop, '--to', `file:${path}`, '--out', out);
            assert.equal(result.code, 2, path);
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
            assert.equal(existsSync(out), false);
        }
        assert.deepEqual(
            readdirSync(dir).filter((name) => name.endsWith('.tmp')),
            [],
        );
    });

    it('a host: path that is not a folder: exit 2 before anything is captured', async () => {
        const result = await parity('diff', '--from', `host:${join(dir, 'laptop.json')}`, '--to', cloud);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^parity: .*laptop\.json is a file, not a project folder\.\n$/);
    });

    it('--node-engine HOSTNAME=ENGINE (repeatable) is accepted, and a comparison without a swarm side never uses it', async () => {
        const result = await parity(
            'diff',
            '--from',
            laptop,
            '--to',
            laptop,
            '--node-engine',
            'worker-2=tcp://10.0.0.2:2376',
            '--node-engine',
            'worker-3=ssh://deploy@10.0.0.3',
        );
        assert.equal(result.code, 0, result.stderr);
    });

    it("no engine: an image side exits 2 with the engine's one line", async () => {
        const result = await parity('diff', '--from', laptop, '--to', 'image:debian:bookworm-slim');
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^parity: .*parity-test\.sock/);
    });
});
