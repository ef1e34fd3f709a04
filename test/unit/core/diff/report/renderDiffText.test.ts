import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_DIFFERENCES, renderDiffText } from '../../../../../src/core/diff/report/renderDiffText';
import { emptyReport, richReport, threeWayReport } from './reportFixtures';

describe('renderDiffText', () => {
    const text = renderDiffText(richReport);
    const lines = text.split('\n');

    it('names both sides and counts every kind', () => {
        assert.equal(lines[0], 'Parity Report: host:. → image:app:1');
        assert.equal(lines[1], 'from: host:. (host ., linux/amd64 debian 12, captured 2025-01-02T03:04:05.000Z)');
        assert.equal(lines[2], 'to: image:app:1 (image app:1, linux/amd64 debian 12, captured 2025-01-02T03:04:06.000Z)');
        assert.ok(lines.includes('2 errors · 2 warnings · 2 info · 2 ignored · 2 unknown'), text);
    });

    it('has one section per facet with its count, in the order findings come (errors first)', () => {
        const headings = lines.filter((line) => line.startsWith('## '));
        assert.deepEqual(headings, ['## runtimes (1)', '## platform (1)', '## env (1)', '## locale (1)', '## packages (1)', '## user (1)', '## unknown (2)']);
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

    it('marks secret and by-design findings and gives the reason', () => {
        assert.ok(lines.includes('  warning API_TOKEN: set → another value  [env.value] [secret]'), text);
        assert.ok(lines.includes('  info    uid: 1000 → 10001  [user.uid] [by design]'), text);
        assert.ok(lines.includes('    by design: The packaged image runs as a non-root user on purpose.'), text);
    });

    it('lists unknown facts apart and never counts them as differences', () => {
        assert.ok(lines.includes('  ? limits nproc (to side): the nproc limit could not be read'), text);
        assert.ok(lines.includes('  ? env (both sides): the snapshots hash values with different keys, so only presence is compared'), text);
    });

    it('keeps hostile text on its own line: a line break or bidi override in a value cannot fake a finding', () => {
        assert.ok(!lines.some((line) => line.startsWith('error   fake')), text);
        assert.ok(!text.includes('\u202e'));
        assert.ok(text.includes('\\u{a}error   fake'), text);
        assert.equal(lines.filter((line) => /^ {2}(error|warning|info) /.test(line)).length, richReport.findings.length);
    });

    it('shows host | image | target and which step introduced the difference, three-way', () => {
        const three = renderDiffText(threeWayReport).split('\n');
        assert.equal(three[2], 'via: image:app:1 (image app:1, linux/amd64 debian 12, captured 2025-01-02T03:04:06.000Z)');
        assert.ok(three.includes('    host | image | target: C.UTF-8 | C | C — introduced by recipe'), three.join('\n'));
        assert.ok(three.includes('    host | image | target: Europe/Paris | Europe/Paris | UTC — introduced by target'));
        assert.ok(three.includes('    host | image | target: set | (absent) | (absent) — introduced by both'));
    });

    it('says plainly when nothing differs', () => {
        const empty = renderDiffText(emptyReport);
        assert.ok(empty.includes(`0 errors · 0 warnings · 0 info · 0 ignored · 0 unknown\n\n${NO_DIFFERENCES}\n`), empty);
        assert.ok(!empty.includes('## '));
        assert.ok(!text.includes(NO_DIFFERENCES));
    });
});
