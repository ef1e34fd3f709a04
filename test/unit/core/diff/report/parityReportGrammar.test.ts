import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderDiffText } from '../../../../../src/core/diff/report/renderDiffText';
import type { DiffReport } from '../../../../../src/core/diff/DiffReport';
import { agreeReport } from './agreeSample';
import { emptyReport, hostSide, imageSide, richReport, threeWayReport } from './reportFixtures';

/** A by-design finding someone made a warning (by hand, in a report): it is a risk, printed in full with its reason. */
const riskByDesign: DiffReport = {
    reportVersion: 1,
    from: hostSide,
    to: imageSide,
    counts: { error: 0, warning: 1, info: 0 },
    ignored: 0,
    unknown: [],
    findings: [
        {
            facet: 'user',
            key: 'uid',
            severity: 'warning',
            from: '0',
            to: '1000',
            rule: 'user.uid',
            message: 'Another uid.',
            byDesign: 'non-root on purpose',
        },
    ],
};

const root = join(__dirname, '..', '..', '..', '..', '..');
interface Rule {
    readonly match: string;
    readonly name?: string;
    readonly captures?: Readonly<Record<string, { readonly name: string }>>;
}
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'parity-report.tmLanguage.json'), 'utf8')) as {
    scopeName: string;
    patterns: { include: string }[];
    repository: Record<string, Rule>;
};
/** The grammar's rules in the order the tokenizer tries them, compiled as JavaScript (they are kept compatible). */
const rules = grammar.patterns.map(({ include }) => {
    const name = include.replace(/^#/u, '');
    const rule = grammar.repository[name];
    assert.ok(rule, `missing rule ${name}`);
    return { name, rule, regex: new RegExp(rule.match, 'u') };
});
const ruleOf = (line: string): string | undefined => rules.find(({ regex }) => regex.test(line))?.name;
const scopes = (name: string): string[] => {
    const rule = grammar.repository[name];
    return [rule?.name ?? '', ...Object.values(rule?.captures ?? {}).map((capture) => capture.name)].filter(
        (scope) => scope !== '',
    );
};

describe('the Parity Report grammar', () => {
    it('is source.parity-report, contributed for the parity-report language with folding by indentation', () => {
        assert.equal(grammar.scopeName, 'source.parity-report');
        const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
            contributes: {
                languages: { id: string; aliases: string[]; extensions: string[]; configuration: string }[];
                grammars: { language: string; scopeName: string; path: string }[];
            };
        };
        const language = manifest.contributes.languages.find((candidate) => candidate.id === 'parity-report');
        assert.deepEqual(language?.aliases, ['Parity Report']);
        assert.deepEqual(language?.extensions, ['.parity-report']);
        const contributed = manifest.contributes.grammars.find((candidate) => candidate.language === 'parity-report');
        assert.equal(contributed?.scopeName, grammar.scopeName);
        assert.equal(contributed?.path, './syntaxes/parity-report.tmLanguage.json');
        const configuration = JSON.parse(readFileSync(join(root, language?.configuration ?? ''), 'utf8')) as {
            folding?: { offSide?: boolean };
        };
        assert.equal(configuration.folding?.offSide, true);
    });

    it('has the scopes themes colour: severities, facet headings, from → to', () => {
        assert.ok(scopes('finding').includes('invalid.severity.error.parity-report'));
        assert.ok(scopes('finding').includes('markup.changed.severity.warning.parity-report'));
        assert.ok(scopes('finding').includes('markup.inserted.severity.info.parity-report'));
        assert.ok(scopes('finding').includes('keyword.operator.arrow.parity-report'));
        assert.ok(scopes('finding').includes('string.quoted.from.parity-report'));
        assert.ok(scopes('heading').some((scope) => scope.startsWith('markup.heading.facet')));
    });

    it('matches every line kind the text renderer writes with the rule meant for it', () => {
        const expected: [RegExp, string][] = [
            [/^Parity Report: /u, 'title'],
            [/^(from|via|to): /u, 'side'],
            [/^\d+ errors? · /u, 'counts'],
            [/^No differences/u, 'none'],
            [/^## /u, 'heading'],
            [/^ {2}( {2})?(error|warning|info) /u, 'finding'],
            [/^ {2}( {2})?\S+ ×\d+/u, 'summary'],
            [/^ {2}by design \(\d+\): /u, 'reason'],
            [/^ {4}by design: /u, 'byDesign'],
            [/^ {4}host \| image \| target: /u, 'threeWay'],
            [/^ {4}fix \(/u, 'fix'],
            [/^ {6}replace line with: /u, 'replacement'],
            [/^ {2}\? /u, 'unknown'],
            [/^ {4}\S/u, 'message'],
        ];
        const seen = new Set<string>();
        for (const report of [richReport, threeWayReport, emptyReport, agreeReport(), riskByDesign]) {
            for (const line of renderDiffText(report)
                .split('\n')
                .filter((text) => text !== '')) {
                const kind = expected.find(([shape]) => shape.test(line))?.[1];
                assert.ok(kind, `a line of no known kind: ${JSON.stringify(line)}`);
                assert.equal(ruleOf(line), kind, JSON.stringify(line));
                seen.add(kind);
            }
        }
        assert.deepEqual(
            [...seen].sort(),
            expected.map(([, kind]) => kind).sort(),
            'every line kind occurs in the fixtures',
        );
    });

    it('colours the severity, the key and both values of a finding line', () => {
        const line = '  warning LANG: C.UTF-8 → C  [locale.effective]';
        const groups = new RegExp(grammar.repository['finding']?.match ?? '', 'u').exec(line);
        assert.deepEqual(groups?.slice(1), [
            undefined,
            'warning',
            undefined,
            'LANG',
            'C.UTF-8',
            '→',
            'C',
            '[locale.effective]',
        ]);
    });

    it('colours the rule, count, note and keys of a summary line, and the count of a by-design reason', () => {
        const summary = new RegExp(grammar.repository['summary']?.match ?? '', 'u').exec(
            '    packages.removed ×758 (only on the from side): a, b, c, d … and 754 more',
        );
        assert.deepEqual(summary?.slice(1), [
            'packages.removed',
            '×',
            '758',
            'only on the from side',
            'a, b, c, d',
            '…',
            'and 754 more',
        ]);
        const reason = new RegExp(grammar.repository['reason']?.match ?? '', 'u').exec(
            "  by design (774): the image carries only its slim base image's packages",
        );
        assert.deepEqual(reason?.slice(1), [
            'by design',
            '(',
            '774',
            ')',
            "the image carries only its slim base image's packages",
        ]);
        assert.equal(ruleOf('1 error · 0 warnings · 811 info (792 by design) · 0 ignored · 0 unknown'), 'counts');
        assert.equal(ruleOf('## Different by design (792)'), 'heading');
    });
});
