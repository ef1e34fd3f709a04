import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIFF_REPORT_VERSION } from '../../../../src/core/diff/DiffReport';
import { platformWord, toDiffReport } from '../../../../src/core/diff/toDiffReport';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { diff, host, image } from './diffFixtures';

describe('toDiffReport', () => {
    it('names both sides as the user did, with source, id, capture time and platform, and counts each severity', () => {
        const to: Snapshot = {
            ...image,
            meta: { ...image.meta, source: { kind: 'container', ref: 'web', id: 'c'.repeat(64) } },
            timezone: { name: 'Etc/UTC', tzVar: 'Etc/UTC', offsetMinutes: 0 },
            user: { uid: 0, gid: 0, name: 'root', home: '/root' },
        };
        const result = diff({ ...host, timezone: { name: 'Europe/Berlin', tzVar: null, offsetMinutes: 60 } }, to, {
            severity: { 'user.root': 'off' },
        });
        const report = toDiffReport(result, {
            from: { target: { kind: 'host', path: '.' }, snapshot: host },
            to: { target: { kind: 'container', name: 'web' }, snapshot: to },
        });
        assert.equal(report.reportVersion, DIFF_REPORT_VERSION);
        assert.deepEqual(report.from, {
            target: 'host:.',
            kind: 'host',
            ref: 'laptop',
            capturedAt: host.meta.capturedAt,
            platform: 'linux/amd64 debian 12',
        });
        assert.deepEqual(report.to, {
            target: 'container:web',
            kind: 'container',
            ref: 'web',
            id: 'c'.repeat(64),
            capturedAt: to.meta.capturedAt,
            platform: 'linux/amd64 debian 12',
        });
        assert.equal(report.via, undefined);
        assert.deepEqual(report.counts, {
            error: 0,
            warning: result.findings.filter((f) => f.severity === 'warning').length,
            info: result.findings.filter((f) => f.severity === 'info').length,
        });
        assert.ok(report.counts.warning >= 1);
        assert.equal(report.ignored, 1);
        assert.deepEqual(report.findings, result.findings);
        assert.deepEqual(Object.keys(report), [
            'reportVersion',
            'from',
            'to',
            'findings',
            'counts',
            'ignored',
            'unknown',
        ]);
    });

    it('a three-way report has its via side between to and findings', () => {
        const side = { target: { kind: 'image', ref: 'app:1' } as const, snapshot: image };
        const report = toDiffReport(diff(host, image), { from: side, to: side, via: side });
        assert.deepEqual(Object.keys(report), [
            'reportVersion',
            'from',
            'to',
            'via',
            'findings',
            'counts',
            'ignored',
            'unknown',
        ]);
        assert.equal(report.via?.target, 'image:app:1');
        assert.deepEqual(report.counts, { error: 0, warning: 0, info: 0 });
    });

    it('says the platform in a word, without a distro when there is none', () => {
        assert.equal(
            platformWord({
                os: 'darwin',
                arch: 'arm64',
                distro: null,
                kernel: null,
                libc: { family: 'libsystem', version: null },
            }),
            'darwin/arm64',
        );
        assert.equal(
            platformWord({
                os: 'linux',
                arch: 'arm64',
                distro: { id: 'alpine', versionId: '3.20.1', prettyName: null },
                kernel: null,
                libc: { family: 'musl', version: null },
            }),
            'linux/arm64 alpine 3.20.1',
        );
        assert.equal(
            platformWord({
                os: 'linux',
                arch: 'amd64',
                distro: { id: 'arch', versionId: null, prettyName: null },
                kernel: null,
                libc: { family: 'glibc', version: null },
            }),
            'linux/amd64 arch',
        );
    });
});
