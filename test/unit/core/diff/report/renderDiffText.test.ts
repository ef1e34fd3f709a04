import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_DIFFERENCES, renderDiffText } from '../../../../../src/core/diff/report/renderDiffText';
import type { ReportFinding } from '../../../../../src/core/diff/DiffReport';
import { counts, emptyReport, richReport, threeWayReport } from './reportFixtures';

describe('renderDiffText', () => {
    const text = renderDiffText(richReport);
    const lines = text.split('\n');

    it('names both sides and counts every kind', () => {
        assert.equal(lines[0], 'Parity Report: host:. → image:app:1');
        assert.equal(lines[1], 'from: host:. (host ., linux/amd64 debian 12, captured 2025-01-02T03:04:05.000Z)');
        assert.equal(
            lines[2],
            'to: image:app:1 (image app:1, linux/amd64 debian 12, captured 2025-01-02T03:04:06.000Z)',
        );
        assert.ok(lines.includes('2 errors · 2 warnings · 2 info (1 by design) · 2 ignored · 2 unknown'), text);
    });

    it('has a section per facet of errors and warnings (errors first), then information, by design and unknown', () => {
        const headings = lines.filter((line) => line.startsWith('## '));
        assert.deepEqual(headings, [
            '## runtimes (1)',
            '## platform (1)',
            '## env (1)',
            '## locale (1)',
            '## Information (1)',
            '## Different by design (1)',
            '## unknown (2)',
        ]);
    });

    it('shows each finding with from → to, its message and fixes saying which side changes', () => {
        const at = lines.indexOf('## runtimes (1)');
        assert.deepEqual(lines.slice(at + 1, at + 7), [
            '  error   node: 20.11.1 → 22.3.0  [runtime.major]',
            '    node 20.11.1 runs on the from side, node 22.3.0 on the to side — a major version apart.',
            '    fix (from side) .nvmrc:1 — Switch the from side to node 22.3.0 and pin .nvmrc to it.',
            '      replace line with: 22',
            '    fix (to side) Dockerfile:4 — Pin the image to node 20.11.1.',
            '      replace line with: FROM node:20.11.1-bookworm-slim',
        ]);
    });

    it('marks secret findings, and shows by-design ones under their reason, one line each without message or fix', () => {
        assert.ok(lines.includes('  warning API_TOKEN: set → another value  [env.value] [secret]'), text);
        const at = lines.indexOf('## Different by design (1)');
        assert.deepEqual(lines.slice(at + 1, at + 4), [
            '  by design (1): The packaged image runs as a non-root user on purpose.',
            '    info    uid: 1000 → 10001  [user.uid]',
            '',
        ]);
    });

    it('shows information one line each, without message or fix', () => {
        const at = lines.indexOf('## Information (1)');
        assert.ok(lines[at + 1]?.startsWith('  info    a|b `c`'), text);
        assert.ok(lines[at + 1]?.endsWith('  [packages.removed]'), text);
        assert.equal(lines[at + 2], '');
    });

    it('sums up more than eight info findings of one rule in one line naming the first keys, by design or not', () => {
        const many = (count: number, byDesign?: string): ReportFinding[] =>
            Array.from({ length: count }, (_, index) => ({
                facet: 'packages',
                key: `lib${index}`,
                severity: 'info',
                from: '1.0',
                to: null,
                rule: 'packages.removed',
                message: `lib${index} 1.0 is installed on the from side only.`,
                ...(byDesign === undefined ? {} : { byDesign }),
            }));
        const findings = [
            ...many(9),
            ...many(8, 'slim image'),
            ...many(30, 'slim image').map((finding) => ({
                ...finding,
                rule: 'packages.changed',
                to: '2.0',
                introducedBy: 'recipe' as const,
            })),
        ];
        const out = renderDiffText({ ...emptyReport, findings, counts: counts(findings) }).split('\n');
        assert.ok(
            out.includes('0 errors · 0 warnings · 47 info (38 by design) · 0 ignored · 0 unknown'),
            out.join('\n'),
        );
        assert.ok(out.includes(NO_DIFFERENCES));
        assert.ok(
            out.includes('  packages.removed ×9 (only on the from side): lib0, lib1, lib2, lib3 … and 5 more'),
            out.join('\n'),
        );
        assert.ok(out.includes('  by design (38): slim image'), out.join('\n'));
        assert.equal(out.filter((line) => line.startsWith('    info    lib')).length, 8, out.join('\n'));
        assert.ok(
            out.includes(
                '    packages.changed ×30 (different on each side; introduced by recipe 30): lib0, lib1, lib2, lib3 … and 26 more',
            ),
            out.join('\n'),
        );
    });

    it('lists unknown facts apart and never counts them as differences', () => {
        assert.ok(lines.includes('  ? limits nproc (to side): the nproc limit could not be read'), text);
        assert.ok(
            lines.includes(
                '  ? env (both sides): the snapshots hash values with different keys, so only presence is compared',
            ),
            text,
        );
    });

    it('keeps hostile text on its own line: a line break or bidi override in a value cannot fake a finding', () => {
        assert.ok(!lines.some((line) => line.startsWith('error   fake')), text);
        assert.ok(!text.includes('\u202e'));
        assert.ok(text.includes('\\u{a}error   fake'), text);
        assert.equal(
            lines.filter((line) => /^ {2}( {2})?(error|warning|info) /u.test(line)).length,
            richReport.findings.length,
        );
    });

    it('shows host | image | target and which step introduced the difference, three-way', () => {
        const three = renderDiffText(threeWayReport).split('\n');
        assert.equal(
            three[2],
            'via: image:app:1 (image app:1, linux/amd64 debian 12, captured 2025-01-02T03:04:06.000Z)',
        );
        assert.ok(
            three.includes('    host | image | target: C.UTF-8 | C | C — introduced by recipe'),
            three.join('\n'),
        );
        assert.ok(
            three.includes('    host | image | target: Europe/Paris | Europe/Paris | UTC — introduced by target'),
        );
        assert.ok(
            three.includes('  info    DEBUG: set → (absent)  [env.added] [introduced by both]'),
            three.join('\n'),
        );
    });

    it('says plainly when nothing differs', () => {
        const empty = renderDiffText(emptyReport);
        assert.ok(
            empty.includes(`0 errors · 0 warnings · 0 info · 0 ignored · 0 unknown\n\n${NO_DIFFERENCES}\n`),
            empty,
        );
        assert.ok(!empty.includes('## '));
        assert.ok(!text.includes(NO_DIFFERENCES));
        assert.ok(!renderDiffText(threeWayReport).includes(NO_DIFFERENCES), 'warnings are differences that matter');
    });
});
