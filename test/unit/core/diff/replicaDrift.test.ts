import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeDiffRules } from '../../../../src/core/diff/mergeDiffRules';
import { replicaDrift, type ReplicaSnapshot } from '../../../../src/core/diff/replicaDrift';
import { withDrift } from '../../../../src/core/diff/withDrift';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { container, env } from './diffFixtures';

const task = (slot: number, snapshot: Snapshot): ReplicaSnapshot => ({
    task: `web.${slot}`,
    taskId: `task${slot}`.padEnd(25, 'x'),
    snapshot,
});
const replica = (slot: number, changes: Partial<Snapshot> = {}): Snapshot => ({
    ...container,
    meta: {
        ...container.meta,
        source: { kind: 'container', ref: `web.${slot}.task${slot}`, id: String(slot).repeat(64) },
    },
    // Each task has its own hostname: a volatile fact, never drift.
    env: { ...container.env, HOSTNAME: env(String(slot)) },
    ...changes,
});

describe('replicaDrift', () => {
    it('replicas alike (but for their hostname and container id) have no drift', () => {
        assert.deepEqual(replicaDrift(task(1, replica(1)), [task(2, replica(2)), task(3, replica(3))]), {
            findings: [],
            unknown: [],
        });
    });

    it('a drifted replica: each difference a swarm.drift finding naming the task, from the reference to the task', () => {
        const drifted = replica(3, {
            timezone: { name: 'America/New_York', tzVar: null, offsetMinutes: -300 },
            runtimes: { node: { declared: [], installed: { version: '22.1.0', path: null, manager: 'container' } } },
        });
        const withNode = (snapshot: Snapshot): Snapshot => ({
            ...snapshot,
            runtimes: { node: { declared: [], installed: { version: '20.11.1', path: null, manager: 'container' } } },
        });
        const { findings } = replicaDrift(task(1, withNode(replica(1))), [
            task(2, withNode(replica(2))),
            task(3, drifted),
        ]);
        assert.deepEqual(
            findings.map((finding) => [
                finding.severity,
                finding.facet,
                finding.key,
                finding.rule,
                finding.from,
                finding.to,
            ]),
            [
                ['error', 'swarm', 'web.3 runtimes node', 'swarm.drift', '20.11.1', '22.1.0'],
                ['warning', 'swarm', 'web.3 timezone name', 'swarm.drift', 'UTC', 'America/New_York'],
            ],
        );
        assert.deepEqual(findings[0]?.drift, {
            task: 'web.3',
            taskId: 'task3'.padEnd(25, 'x'),
            reference: 'web.1',
            referenceTaskId: 'task1'.padEnd(25, 'x'),
            facet: 'runtimes',
            key: 'node',
            rule: 'runtime.major',
        });
        assert.match(
            findings[0]?.message ?? '',
            /^Replica web\.3 \(task task3xxxxxxx\) differs from web\.1 \(task task1xxxxxxx\), from being web\.1 and to web\.3: /,
        );
    });

    it('a facet one task never read is unknown, not drift', () => {
        const cut = replica(2, {
            meta: {
                ...replica(2).meta,
                unread: ['user', 'umask', 'limits', 'resources', 'certificates', 'filesystem'],
            },
            user: null,
            limits: { nofile: null, nproc: null },
        });
        const result = replicaDrift(task(1, replica(1)), [task(2, cut)]);
        assert.deepEqual(result.findings, []);
        assert.ok(
            result.unknown.some(
                (entry) =>
                    entry.facet === 'swarm' &&
                    entry.key === 'web.2 user' &&
                    /^web\.2 against web\.1: not read/.test(entry.why),
            ),
        );
    });
});

describe('withDrift', () => {
    const drifted = replicaDrift(task(1, replica(1)), [
        task(2, replica(2, { umask: '0077', timezone: { name: 'Asia/Tokyo', tzVar: null, offsetMinutes: 540 } })),
    ]);
    const empty = { findings: [], ignored: 0, unknown: [] };

    it('merges drift into the findings with its side, sorted like the others', () => {
        const result = withDrift(
            empty,
            [
                {
                    side: 'to',
                    findings: drifted.findings,
                    unknown: [{ facet: 'swarm', key: 'web.3', side: 'both', why: 'not probed: gone' }],
                },
            ],
            mergeDiffRules(),
        );
        assert.deepEqual(
            result.findings.map((finding) => [finding.key, finding.severity, finding.drift?.side]),
            [
                ['web.2 timezone name', 'warning', 'to'],
                ['web.2 umask umask', 'warning', 'to'],
            ],
        );
        assert.deepEqual(result.unknown, [{ facet: 'swarm', key: 'web.3', side: 'to', why: 'not probed: gone' }]);
        assert.equal(result.ignored, 0);
    });

    it("the rules apply: swarm.drift's severity, and ignores of the drift or of the difference it restates", () => {
        const severity = withDrift(
            empty,
            [{ side: 'from', findings: drifted.findings }],
            mergeDiffRules({ severity: { 'swarm.drift': 'error' } }),
        );
        assert.deepEqual(
            severity.findings.map((finding) => finding.severity),
            ['error', 'error'],
        );
        const inner = withDrift(
            empty,
            [{ side: 'from', findings: drifted.findings }],
            mergeDiffRules({ ignore: [{ rule: 'umask' }] }),
        );
        assert.deepEqual([inner.findings.map((finding) => finding.key), inner.ignored], [['web.2 timezone name'], 1]);
        const byKey = withDrift(
            empty,
            [{ side: 'from', findings: drifted.findings }],
            mergeDiffRules({ ignore: [{ facet: 'swarm', key: 'web.2 *' }] }),
        );
        assert.deepEqual([byKey.findings.length, byKey.ignored], [0, 2]);
        const off = withDrift(
            empty,
            [{ side: 'from', findings: drifted.findings }],
            mergeDiffRules({ severity: { 'swarm.drift': 'off' } }),
        );
        assert.deepEqual([off.findings.length, off.ignored], [0, 2]);
    });
});
