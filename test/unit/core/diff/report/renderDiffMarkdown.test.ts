import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownText } from '../../../../../src/core/diff/report/markdownText';
import { renderDiffMarkdown } from '../../../../../src/core/diff/report/renderDiffMarkdown';
import { emptyReport, HOSTILE, richReport, threeWayReport } from './reportFixtures';

/** Cells of a GFM table row, split as GitHub splits them: on every `|` not escaped by a backslash. */
const cells = (row: string): string[] => row.replace(/^\| | \|$/gu, '').split(/(?<!\\)\|/u);

describe('renderDiffMarkdown', () => {
    const markdown = renderDiffMarkdown(richReport);
    const lines = markdown.split('\n');

    it('starts with a title and the counts', () => {
        assert.equal(lines[0], '### Parity diff: <code>host&#58;.</code> → <code>image&#58;app&#58;1</code>');
        assert.ok(lines.includes('**2 errors · 2 warnings · 2 info (1 by design) · 2 ignored · 2 unknown**'), markdown);
    });

    it('puts errors and warnings in a table per facet, info and by design one item each folded in <details>', () => {
        const details = lines.indexOf('<details><summary>1 info</summary>');
        assert.ok(details > lines.indexOf('#### runtimes (1)') && details > lines.indexOf('#### locale (1)'), markdown);
        assert.ok(lines[details + 2]?.startsWith('- <code>a&#124;b'), markdown);
        assert.ok(lines[details + 2]?.endsWith('<i>packages.removed</i>'), markdown);
        const byDesign = lines.indexOf('<details><summary>1 different by design</summary>');
        assert.ok(byDesign > details, markdown);
        assert.deepEqual(lines.slice(byDesign + 2, byDesign + 4), [
            '- <b>by design (1)</b>: The packaged image runs as a non&#45;root user on purpose.',
            '  - <code>uid</code>: <code>1000</code> → <code>10001</code> <i>user.uid</i>',
        ]);
        assert.ok(!lines.some((line) => line.startsWith('#### packages') || line.startsWith('#### user')), markdown);
        assert.ok(lines.includes('<details><summary>2 unknown (not compared)</summary>'));
    });

    it('shows fixes as file:line with the edit in code', () => {
        const row = lines.find((line) => line.startsWith('| 🔴 error | <code>node</code>'));
        assert.ok(row, markdown);
        assert.ok(
            row.includes('<code>&#46;nvmrc&#58;1</code> (from side) → <code>22</code>') ||
                row.includes('<code>.nvmrc&#58;1</code> (from side) → <code>22</code>'),
            row,
        );
        assert.equal(cells(row).length, 6, row);
    });

    it('makes hostile values inert: no raw HTML, backtick, pipe or line break gets through', () => {
        for (const line of lines.filter((candidate) => candidate.startsWith('| '))) {
            assert.equal(
                cells(line).length,
                line.startsWith('| side') || /^\| (from|to|via) /u.test(line) ? 4 : 6,
                line,
            );
        }
        assert.ok(!markdown.includes('<img'));
        assert.ok(!markdown.includes('`'));
        assert.ok(!markdown.includes('[e]('));
        assert.ok(!markdown.includes('\u202e'));
        assert.ok(!lines.some((line) => line.startsWith('error')));
        assert.equal(markdownText('a|b'), 'a&#124;b');
        assert.ok(markdownText(HOSTILE).includes('&#60;img'));
    });

    it('marks secret findings', () => {
        assert.ok(
            lines.some((line) => line.includes('<code>API&#95;TOKEN</code>') && line.includes('<i>secret</i>')),
            markdown,
        );
    });

    it('adds via and introduced-by columns three-way', () => {
        const three = renderDiffMarkdown(threeWayReport).split('\n');
        assert.ok(three.includes('| | key | from | via | to | introduced by | what | fix |'));
        assert.ok(
            three.some((line) =>
                line.startsWith(
                    '| 🟠 warning | <code>LANG</code> | <code>C.UTF&#45;8</code> | <code>C</code> | <code>C</code> | recipe |',
                ),
            ),
            three.join('\n'),
        );
        assert.ok(
            three.includes('- <code>DEBUG</code>: <code>set</code> → — <i>env.added, introduced by both</i>'),
            three.join('\n'),
        );
    });

    it('says plainly when nothing differs', () => {
        const empty = renderDiffMarkdown(emptyReport);
        assert.ok(empty.includes('No differences that matter.'));
        assert.ok(!empty.includes('####'));
        assert.ok(!markdown.includes('No differences that matter.'));
    });
});
