import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportFinding } from '../../../../src/core/diff/DiffReport';
import { DEFAULT_DIFF_RULES } from '../../../../src/core/diff/DiffRules';
import { threeWay } from '../../../../src/core/diff/threeWay';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { host, image } from './diffFixtures';

const target: Snapshot = { ...image, meta: { ...image.meta, source: { kind: 'container', ref: 'cloud' } } };
const tz = (snapshot: Snapshot, name: string): Snapshot => ({
    ...snapshot,
    timezone: { name, tzVar: name, offsetMinutes: 0 },
});
const uid = (snapshot: Snapshot, value: number): Snapshot => ({
    ...snapshot,
    user: { uid: value, gid: 1000, name: 'app', home: '/app' },
});

function one(findings: readonly ReportFinding[], facet: string, key: string): ReportFinding {
    const found = findings.filter((finding) => finding.facet === facet && finding.key === key);
    assert.equal(found.length, 1, `one ${facet}/${key} finding, got ${JSON.stringify(findings)}`);
    return found[0] as ReportFinding;
}

describe('threeWay', () => {
    it('a difference the image already has and the target shares came from the recipe', () => {
        const result = threeWay(
            tz(host, 'Europe/Berlin'),
            tz(image, 'Etc/UTC'),
            tz(target, 'Etc/UTC'),
            DEFAULT_DIFF_RULES,
        );
        const finding = one(result.findings, 'timezone', 'name');
        assert.deepEqual(
            [finding.from, finding.via, finding.to, finding.introducedBy],
            ['Europe/Berlin', 'Etc/UTC', 'Etc/UTC', 'recipe'],
        );
    });

    it('a difference only the target has came from the target', () => {
        const result = threeWay(
            tz(host, 'Europe/Berlin'),
            tz(image, 'Europe/Berlin'),
            tz(target, 'Etc/UTC'),
            DEFAULT_DIFF_RULES,
        );
        const finding = one(result.findings, 'timezone', 'name');
        assert.deepEqual([finding.via, finding.introducedBy], ['Europe/Berlin', 'target']);
    });

    it('a difference each step changed came from both', () => {
        const result = threeWay(uid(host, 1000), uid(image, 10001), uid(target, 2000), DEFAULT_DIFF_RULES);
        const finding = one(result.findings, 'user', 'uid');
        assert.deepEqual(
            [finding.from, finding.via, finding.to, finding.introducedBy],
            ['1000', '10001', '2000', 'both'],
        );
    });

    it('keeps the from→to findings, counts and unknowns as they are, only annotated', () => {
        const from = tz(uid(host, 1000), 'Europe/Berlin');
        const result = threeWay(from, tz(image, 'Etc/UTC'), tz(uid(target, 2000), 'Etc/UTC'), DEFAULT_DIFF_RULES);
        assert.deepEqual(
            result.findings.map((finding) => [finding.facet, finding.key, finding.introducedBy]),
            [
                ['timezone', 'name', 'recipe'],
                ['user', 'uid', 'target'],
            ],
        );
        assert.equal(result.ignored, 0);
    });

    it('leaves a finding unannotated when the image could not read the fact, rather than guess the step', () => {
        const unread: Snapshot = { ...image, timezone: { name: null, tzVar: null, offsetMinutes: null } };
        const result = threeWay(tz(host, 'Europe/Berlin'), unread, tz(target, 'Etc/UTC'), DEFAULT_DIFF_RULES);
        const finding = one(result.findings, 'timezone', 'name');
        assert.equal(finding.introducedBy, undefined);
        assert.equal('via' in finding, false);
    });

    it('an image and target equal to the machine give no findings at all', () => {
        assert.deepEqual(threeWay(host, image, target, DEFAULT_DIFF_RULES).findings, []);
    });
});
