import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { container, diff, host } from './diffFixtures';

/** What a probe cut off after the runtimes leaves: placeholders that differ from everything. */
const cut: Snapshot = {
    ...container,
    meta: {
        ...container.meta,
        unread: [
            'packageManagers',
            'systemPackages',
            'env',
            'locale',
            'timezone',
            'user',
            'umask',
            'limits',
            'resources',
            'certificates',
            'filesystem',
        ],
    },
    systemPackages: null,
    env: {},
    locale: { vars: {}, effective: 'C', encoding: null },
    timezone: { name: null, tzVar: null, offsetMinutes: null },
    user: null,
    umask: null,
    limits: { nofile: null, nproc: null },
    resources: { cpus: null, memoryBytes: null, memoryLimitBytes: null },
    certificates: { extra: [], settings: {} },
    filesystem: { caseSensitive: null },
};

describe('diffSnapshots and meta.unread', () => {
    it('facets a side never read are unknown on that side, once each, never differences', () => {
        const withEnv: Snapshot = {
            ...host,
            env: { API_URL: { sha256: 'a'.repeat(64), secret: false, source: 'process' } },
        };
        const result = diff(withEnv, cut);
        assert.deepEqual(result.findings, []);
        const unread = result.unknown.filter((entry) => entry.why.startsWith('not read'));
        assert.deepEqual(
            unread.map((entry) => [entry.facet, entry.side]),
            [
                ['certificates', 'to'],
                ['env', 'to'],
                ['filesystem', 'to'],
                ['limits', 'to'],
                ['locale', 'to'],
                ['packages', 'to'],
                ['resources', 'to'],
                ['timezone', 'to'],
                ['umask', 'to'],
                ['user', 'to'],
            ],
        );
        assert.equal(
            unread[0]?.why,
            "not read: the capture of container web ended before it (see that snapshot's issues)",
        );
        assert.deepEqual(
            result.unknown.filter((entry) => !entry.why.startsWith('not read')),
            [],
            'no second unknown for an unread facet',
        );
    });

    it('what was read still compares: a runtime read before the cut is a finding', () => {
        const older: Snapshot = {
            ...cut,
            runtimes: { node: { declared: [], installed: { version: '18.0.0', path: null, manager: 'container' } } },
        };
        const newer: Snapshot = {
            ...host,
            runtimes: { node: { declared: [], installed: { version: '20.0.0', path: null, manager: 'system' } } },
        };
        assert.deepEqual(
            diff(newer, older).findings.map((finding) => finding.rule),
            ['runtime.major'],
        );
    });

    it('unread on both sides: side both', () => {
        assert.ok(diff(cut, cut).unknown.some((entry) => entry.facet === 'user' && entry.side === 'both'));
    });
});
