import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingTooltip } from '../../../../src/vscode/diff/findingTooltip';
import { reportLineOf } from '../../../../src/vscode/diff/reportLineOf';
import { reportSummary } from '../../../../src/vscode/diff/reportSummary';
import { FINDINGS, REPORT } from './fixtures';

describe('findingTooltip', () => {
    it("from → to with each side's target, and every fix with its side and line", () => {
        const text = findingTooltip(FINDINGS[0]!, REPORT).join('\n');
        assert.match(text, /\*\*runtimes · node\*\* — error \(`runtime\.major`\)/);
        assert.match(text, /from \(host:\.\): `20\.11\.1` {2}\nto \(image:app:1\): `22\.3\.0`/);
        assert.match(text, /Fix \(from side, \.nvmrc:1\): Pin \.nvmrc to 22\./);
        assert.match(text, /Fix \(to side, Dockerfile:4\)/);
        assert.doesNotMatch(text, /via/);
    });

    it("three-way: the built image's value between them and which step introduced the difference", () => {
        const report = { ...REPORT, via: { ...REPORT.to, target: 'image:app-1234:parity' } };
        const text = findingTooltip({ ...FINDINGS[1]!, via: 'C.UTF-8', introducedBy: 'target' }, report).join('\n');
        assert.match(text, /via \(image:app-1234:parity\): `C\.UTF-8`/);
        assert.match(text, /Introduced by the target/);
    });

    it('says by design and secret; an absent value is said, not blank', () => {
        const byDesign = findingTooltip(FINDINGS[4]!, REPORT).join('\n');
        assert.match(byDesign, /By design: the plan runs the app as a non-root user/);
        const secret = findingTooltip({ ...FINDINGS[2]!, to: null }, REPORT).join('\n');
        assert.match(secret, /· secret/);
        assert.match(secret, /to \(image:app:1\): _absent_/);
    });
});

describe('reportSummary', () => {
    it('the sides, the counts, and how many are by design, ignored and unknown — none silently dropped', () => {
        const summary = reportSummary(REPORT);
        assert.equal(summary.label, 'host:. ↔ image:app:1');
        assert.equal(summary.description, '1 error, 2 warnings, 2 info · 1 by design · 3 ignored · 1 unknown');
        assert.ok(summary.tooltip.includes('unknown: limits nproc (to) — the nproc limit could not be read'));
    });

    it('a three-way report names the built image between the sides; nothing different says so', () => {
        const summary = reportSummary({
            ...REPORT,
            via: { ...REPORT.to, target: 'image:app-1234:parity' },
            findings: [],
            counts: { error: 0, warning: 0, info: 0 },
            ignored: 0,
            unknown: [],
        });
        assert.equal(summary.label, 'host:. ↔ image:app-1234:parity ↔ image:app:1');
        assert.equal(summary.description, 'no differences · 0 ignored · 0 unknown');
    });
});

describe('reportLineOf', () => {
    const text = 'Parity Report\n\nlocale (1)\n  warning  effective  C.UTF-8 → C\n    The locale differs.\n';

    it("the line with the finding's message, else with its key, else the top", () => {
        assert.equal(reportLineOf(text, FINDINGS[1]!), 4);
        assert.equal(reportLineOf(text, { message: 'not rendered', key: 'effective' }), 3);
        assert.equal(reportLineOf(text, { message: 'nowhere', key: 'nowhere' }), 0);
    });
});
