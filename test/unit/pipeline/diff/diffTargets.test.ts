import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiffConfigError } from '../../../../src/core/diff/DiffConfigError';
import { DiffTargetError } from '../../../../src/core/diff/DiffTarget';
import { silentLogger } from '../../../../src/core/Logger';
import { ProjectPathError } from '../../../../src/core/ProjectPathError';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { SnapshotValidationError } from '../../../../src/core/snapshot/SnapshotValidationError';
import type { EngineClient } from '../../../../src/engine/EngineClient';
import { diffTargets, type DiffTargetsRequest } from '../../../../src/pipeline/diff/diffTargets';
import { validSnapshot } from '../../core/snapshot/validSnapshot';

// A space in the path: tests must pass from any clone path.
const dir = mkdtempSync(join(tmpdir(), 'parity diff targets '));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Snapshot): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
}

const noEngine = (): Promise<EngineClient> =>
    Promise.reject(new Error('a diff of saved snapshots must not ask for the engine'));

function request(from: string, to: string, extra: Partial<DiffTargetsRequest> = {}): DiffTargetsRequest {
    return {
        from: { kind: 'file', path: from },
        to: { kind: 'file', path: to },
        client: noEngine,
        log: silentLogger,
        toolVersion: '0.0.0-test',
        base: dir,
        ...extra,
    };
}

const laptop = file('laptop.snapshot.json', validSnapshot);
const cloud = file('cloud.snapshot.json', {
    ...validSnapshot,
    meta: { ...validSnapshot.meta, source: { kind: 'container', ref: 'web', id: 'f'.repeat(64) } },
    timezone: { name: 'Europe/Berlin', tzVar: 'Europe/Berlin', offsetMinutes: 60 },
});

describe('diffTargets', () => {
    it('diffs two saved snapshots without the engine, relative paths from base', async () => {
        const { report, snapshots } = await diffTargets(request('laptop.snapshot.json', 'cloud.snapshot.json'));
        assert.equal(report.from.target, 'file:laptop.snapshot.json');
        assert.deepEqual(
            [report.to.target, report.to.kind, report.to.ref, report.to.id],
            ['file:cloud.snapshot.json', 'container', 'web', 'f'.repeat(64)],
        );
        assert.deepEqual(
            report.findings.map((finding) => [finding.facet, finding.key, finding.severity]),
            [['timezone', 'name', 'warning']],
        );
        assert.deepEqual(report.counts, { error: 0, warning: 1, info: 0 });
        assert.equal(snapshots.to.meta.source.ref, 'web');
    });

    it('three-way with a saved image snapshot: each finding says the image value and which step brought it', async () => {
        const built = file('built.snapshot.json', {
            ...validSnapshot,
            meta: { ...validSnapshot.meta, source: { kind: 'image', ref: 'app:1' } },
            timezone: { name: 'Europe/Berlin', tzVar: 'Europe/Berlin', offsetMinutes: 60 },
        });
        const { report } = await diffTargets(request(laptop, cloud, { via: { kind: 'file', path: built } }));
        assert.equal(report.via?.ref, 'app:1');
        const [finding] = report.findings;
        assert.deepEqual(
            [finding?.from, finding?.via, finding?.to, finding?.introducedBy],
            ['UTC', 'Europe/Berlin', 'Europe/Berlin', 'recipe'],
        );
    });

    it('a file that is not JSON is refused naming the file', async () => {
        const broken = file('broken.json', '{"schemaVersion": 1,');
        await assert.rejects(
            diffTargets(request(laptop, broken)),
            (error: unknown) =>
                error instanceof SnapshotValidationError &&
                /file:.*broken\.json is not a snapshot: snapshot: is not JSON/.test(error.message),
        );
    });

    it('a foreign JSON file (a package.json) is refused naming the JSON paths that are wrong', async () => {
        const foreign = file('package.json', {
            name: 'app',
            version: '1.0.0',
            scripts: { start: 'node .' },
        } as unknown as Snapshot);
        await assert.rejects(diffTargets(request(foreign, laptop)), (error: unknown) => {
            assert.ok(error instanceof SnapshotValidationError);
            assert.match(error.message, /package\.json is not a valid Parity snapshot: /);
            assert.ok(
                error.problems.some((problem) => problem.path === 'schemaVersion' || problem.path === 'meta'),
                JSON.stringify(error.problems),
            );
            return true;
        });
    });

    it('a snapshot a newer Parity made says so', async () => {
        const newer = file('newer.json', {
            ...validSnapshot,
            schemaVersion: 99,
            somethingNew: true,
        } as unknown as Snapshot);
        await assert.rejects(
            diffTargets(request(laptop, newer)),
            /made by a newer Parity: schemaVersion: is 99; this Parity reads version 1, so update Parity/,
        );
    });

    it('a snapshot path that does not exist, or is a folder, is a target error', async () => {
        await assert.rejects(
            diffTargets(request(laptop, 'nothing-here.json')),
            (error: unknown) =>
                error instanceof DiffTargetError &&
                /There is no snapshot file .*nothing-here\.json/.test(error.message),
        );
        await assert.rejects(
            diffTargets(request(laptop, '.')),
            (error: unknown) => error instanceof DiffTargetError && /is not a file/.test(error.message),
        );
    });

    it('a host: path that is not a folder is refused before anything is captured', async () => {
        await assert.rejects(
            diffTargets({ ...request(laptop, laptop), from: { kind: 'host', path: 'laptop.snapshot.json' } }),
            (error: unknown) =>
                error instanceof ProjectPathError && /is a file, not a project folder/.test(error.message),
        );
        await assert.rejects(
            diffTargets({ ...request(laptop, laptop), from: { kind: 'host', path: 'no such folder' } }),
            (error: unknown) => error instanceof ProjectPathError && /There is no folder/.test(error.message),
        );
    });

    it("reads rules from the project's .parity/config.json, settings layered over it", async () => {
        const project = join(dir, 'project-rules');
        mkdirSync(join(project, '.parity'), { recursive: true });
        writeFileSync(
            join(project, '.parity', 'config.json'),
            JSON.stringify({ severity: { 'timezone.name': 'error' } }),
        );
        const fromConfig = await diffTargets(request(laptop, cloud, { projectRoot: project }));
        assert.deepEqual(fromConfig.report.counts, { error: 1, warning: 0, info: 0 });
        const fromSettings = await diffTargets(
            request(laptop, cloud, { projectRoot: project, rules: { severity: { 'timezone.name': 'off' } } }),
        );
        assert.deepEqual([fromSettings.report.findings.length, fromSettings.report.ignored], [0, 1]);
    });

    it('a broken .parity/config.json is an error naming the file and the JSON path, never ignored', async () => {
        const project = join(dir, 'project-broken-config');
        mkdirSync(join(project, '.parity'), { recursive: true });
        writeFileSync(
            join(project, '.parity', 'config.json'),
            JSON.stringify({ severity: { 'timezone.name': 'loud' } }),
        );
        await assert.rejects(
            diffTargets(request(laptop, cloud, { projectRoot: project })),
            (error: unknown) =>
                error instanceof DiffConfigError &&
                /\.parity\/config\.json is not a valid Parity config: severity\["timezone\.name"\]: must be one of/.test(
                    error.message,
                ),
        );
    });

    it('a config that links outside the project is refused, not followed', async () => {
        const project = join(dir, 'project-linked-config');
        mkdirSync(join(project, '.parity'), { recursive: true });
        const outside = file('outside-config.json', '{}');
        symlinkSync(outside, join(project, '.parity', 'config.json'));
        await assert.rejects(
            diffTargets(request(laptop, cloud, { projectRoot: project })),
            /\.parity\/config\.json is not a valid Parity config: config: links outside the project/,
        );
    });
});
