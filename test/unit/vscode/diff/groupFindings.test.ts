import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSeverities, groupFindings, severityCountsText } from '../../../../src/vscode/diff/groupFindings';
import { FINDINGS } from './fixtures';

describe('groupFindings', () => {
    it("groups by facet in the order of each facet's worst finding, keeping report order inside a group", () => {
        const groups = groupFindings(FINDINGS);
        assert.deepEqual(
            groups.map((group) => group.facet),
            ['runtimes', 'locale', 'env', 'user'],
        );
        assert.deepEqual(
            groups[0]?.findings.map((finding) => finding.key),
            ['node', 'python'],
        );
    });

    it("counts each group's severities", () => {
        const [runtimes, locale] = groupFindings(FINDINGS);
        assert.deepEqual(runtimes?.counts, { error: 1, warning: 0, info: 1 });
        assert.deepEqual(locale?.counts, { error: 0, warning: 1, info: 0 });
    });

    it('no findings, no groups', () => {
        assert.deepEqual(groupFindings([]), []);
    });
});

describe('severityCountsText', () => {
    it('names only the severities there are, singular and plural', () => {
        assert.equal(severityCountsText(countSeverities(FINDINGS)), '1 error, 2 warnings, 2 info');
        assert.equal(severityCountsText({ error: 2, warning: 1, info: 0 }), '2 errors, 1 warning');
        assert.equal(severityCountsText({ error: 0, warning: 0, info: 0 }), '');
    });
});
