import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSavedTargets } from '../../../../src/core/savedTargets/parseSavedTargets';
import type { SavedTarget } from '../../../../src/core/savedTargets/SavedTarget';
import { targetKeyFacts } from '../../../../src/core/savedTargets/targetKeyFacts';
import { targetRow } from '../../../../src/core/savedTargets/targetRow';
import { viewItemRegexes } from '../../../support/menuWhen';
import { validSnapshot } from '../snapshot/validSnapshot';

function saved(target: string, origin: SavedTarget['origin'] = { kind: 'workspace-settings' }): SavedTarget {
    const [first] = parseSavedTargets([{ name: 'api', target }], origin).targets;
    assert.ok(first);
    return first;
}

const now = Date.UTC(2026, 11, 5, 12);
const menu = (command: string, contextValue: string): boolean =>
    viewItemRegexes('parity.targets', command).some((regex) => regex.test(contextValue));

describe('targetRow', () => {
    it("a reachable container: where it lives, reachable, the snapshot's age; Open Shell on its menu", () => {
        const row = targetRow(
            saved('container:api@tcp://127.0.0.1:2376'),
            { kind: 'reachable', detail: 'engine 20.10', ms: 12 },
            now - 3 * 3600_000,
            now,
        );
        assert.equal(row.label, 'api');
        assert.equal(row.description, 'container · on tcp://127.0.0.1:2376 · reachable · snapshot 3 hours ago');
        assert.equal(row.icon, 'pass');
        assert.ok(menu('parity.targets.openShell', row.contextValue));
        assert.ok(menu('parity.targets.diffWithProject', row.contextValue));
        assert.ok(menu('parity.targets.remove', row.contextValue));
        assert.ok(menu('parity.runLikeTarget', row.contextValue));
    });

    it('a dead target says "not reachable — REASON", with the whole error in the hover and no shell', () => {
        const row = targetRow(
            saved('container:api@tcp://127.0.0.1:1'),
            {
                kind: 'unreachable',
                reason: 'nothing answers there',
                message: 'Docker is not reachable at tcp://127.0.0.1:1',
            },
            undefined,
            now,
        );
        assert.equal(
            row.description,
            'container · on tcp://127.0.0.1:1 · not reachable — nothing answers there · no snapshot yet',
        );
        assert.equal(row.icon, 'error');
        assert.ok(row.tooltip.includes('Docker is not reachable at tcp://127.0.0.1:1'));
        assert.ok(!menu('parity.targets.openShell', row.contextValue));
        assert.ok(menu('parity.targets.refresh', row.contextValue));
    });

    it('while checking, on the current engine; an unknown host key asks for a Retry', () => {
        assert.equal(
            targetRow(saved('image:node:20'), { kind: 'checking' }, undefined, now).description,
            'image · on the current engine · checking… · no snapshot yet',
        );
        const key = targetRow(
            saved('swarm:web@ssh://deploy@127.0.0.1:2222'),
            { kind: 'host-key', reason: 'unknown ssh host key' },
            undefined,
            now,
        );
        assert.equal(key.icon, 'key');
        assert.match(key.tooltip.join('\n'), /Retry to review the key/);
    });

    it('a team target says where it comes from; a snapshot file has no engine', () => {
        const row = targetRow(
            saved('file:prod.snapshot.json', { kind: 'config-file', file: '.parity/config.json' }),
            { kind: 'reachable', detail: 'the file is there', ms: 0 },
            now,
            now,
        );
        assert.equal(row.description, 'snapshot file · reachable · snapshot just now');
        assert.equal(row.icon, 'file');
        assert.match(row.contextValue, /^parityTarget;file;config;reachable$/);
        assert.ok(row.tooltip.includes("From .parity/config.json (the team's file)"));
    });
});

describe('targetKeyFacts', () => {
    it('lists OS, arch, libc, runtimes, user, TZ, locale, limits, memory, CPUs and the env var count', () => {
        const facts = Object.fromEntries(targetKeyFacts(validSnapshot).map((fact) => [fact.label, fact.value]));
        assert.deepEqual(facts, {
            OS: 'linux',
            Arch: 'amd64',
            libc: 'glibc 2.36',
            node: '20.11.1',
            User: 'dev (uid 1000, gid 1000)',
            TZ: 'UTC',
            Locale: 'C.UTF-8',
            'Open files': '1024 / 4096',
            Memory: '8192 MiB',
            CPUs: '2',
            'Env vars': '1 set',
        });
    });

    it("prefers the distro's name, a memory limit, and counts secret-like variables; unknown facts are left out", () => {
        const snapshot = {
            ...validSnapshot,
            platform: {
                ...validSnapshot.platform,
                distro: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
            },
            resources: { cpus: null, memoryBytes: 8 * 1024 ** 3, memoryLimitBytes: 512 * 1024 ** 2 },
            timezone: { name: null, tzVar: null, offsetMinutes: -150 },
            user: null,
            env: { ...validSnapshot.env, API_TOKEN: { sha256: '', secret: true, source: 'container' as const } },
        };
        const facts = Object.fromEntries(targetKeyFacts(snapshot).map((fact) => [fact.label, fact.value]));
        assert.equal(facts.OS, 'Debian GNU/Linux 12 (bookworm)');
        assert.equal(facts.Memory, '512 MiB (limit)');
        assert.equal(facts.TZ, 'UTC-02:30');
        assert.equal(facts['Env vars'], '2 set (1 secret-like)');
        assert.ok(!('User' in facts) && !('CPUs' in facts));
    });
});
