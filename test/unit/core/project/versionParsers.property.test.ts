// Version constraints come from project files, which are hostile input: no text may make a parser throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { goDirectiveRange, goPinRange } from '../../../../src/core/project/go/goVersionRange';
import { javaMajor } from '../../../../src/core/project/java/javaMajor';
import { resolveNodeVersion } from '../../../../src/core/project/node/nodeVersionAliases';
import { normalizeSpecifier, pythonPinRange } from '../../../../src/core/project/python/pep440Range';
import { poetryToPep440 } from '../../../../src/core/project/python/poetryToPep440';
import { rubyPinRange, rubyRequirementRange } from '../../../../src/core/project/ruby/rubyRange';
import { VERSION_SCHEMES } from '../../../../src/core/snapshot/versionSchemes';

const RUNS = { numRuns: 3000, seed: 20261128 };

/** Text that looks like a version constraint often enough to reach deep into the parsers, and sometimes does not. */
const constraint = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
        .array(
            fc.oneof(
                fc.constantFrom(
                    '^',
                    '~',
                    '~=',
                    '~>',
                    '>=',
                    '<=',
                    '>',
                    '<',
                    '==',
                    '===',
                    '!=',
                    '=',
                    '*',
                    'x',
                    '.',
                    ',',
                    '||',
                    ' ',
                    '-',
                    '+',
                    'v',
                    'go',
                    'lts/',
                    'lts/*',
                    'node',
                    'latest',
                    'stable',
                    'iron',
                    'a',
                    'b',
                    'rc',
                    'dev',
                    'post',
                    '!',
                    'jdk-',
                    '1.',
                    'E',
                    'e',
                ),
                fc.nat({ max: 99_999 }).map(String),
                fc.constant('9'.repeat(30)),
            ),
            { maxLength: 12 },
        )
        .map((parts) => parts.join('')),
);

function total<T>(name: string, parse: (text: string) => T): void {
    it(`${name} never throws`, () => {
        fc.assert(
            fc.property(constraint, (text) => {
                parse(text);
            }),
            RUNS,
        );
    });
}

describe('version-constraint parsers on arbitrary text', () => {
    total('normalizeSpecifier', normalizeSpecifier);
    total('pythonPinRange', pythonPinRange);
    total('poetryToPep440', poetryToPep440);
    total('goPinRange', goPinRange);
    total('goDirectiveRange', goDirectiveRange);
    total('rubyPinRange', rubyPinRange);
    total('rubyRequirementRange', (text) => rubyRequirementRange(text.split(',')));
    total('javaMajor', javaMajor);
    total('resolveNodeVersion', resolveNodeVersion);

    it('stays fast on long text: 50,000 characters in well under a second and a half, whatever they repeat', () => {
        const parsers = [
            normalizeSpecifier,
            pythonPinRange,
            poetryToPep440,
            goPinRange,
            goDirectiveRange,
            rubyPinRange,
            javaMajor,
            resolveNodeVersion,
            (text: string) => VERSION_SCHEMES.python.satisfies('3.12.1', text),
        ];
        const unit = fc
            .array(fc.constantFrom('~', '^', '>', '=', '!', '<', ' ', '1', '.', ',', '|', 'a', '-', '*'), {
                minLength: 1,
                maxLength: 4,
            })
            .map((parts) => parts.join(''));
        fc.assert(
            fc.property(unit, fc.constantFrom('', 'x', '!'), (piece, end) => {
                const text = piece.repeat(Math.ceil(50_000 / piece.length)) + end;
                for (const parse of parsers) {
                    const started = performance.now();
                    parse(text);
                    const ms = performance.now() - started;
                    assert.ok(
                        ms < 1500,
                        `${parse.name || 'a parser'} took ${Math.round(ms)} ms on ${JSON.stringify(piece)} × ${text.length / piece.length}`,
                    );
                }
            }),
            { numRuns: 25, seed: 20261128 },
        );
    });

    it("every runtime's version scheme judges any version against any range without throwing", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...Object.values(VERSION_SCHEMES)),
                constraint,
                constraint,
                (scheme, version, range) => {
                    const verdict = scheme.satisfies(version, range);
                    assert.ok(verdict === null || typeof verdict === 'boolean');
                    assert.ok(Array.isArray(scheme.candidates(range)));
                },
            ),
            RUNS,
        );
    });
});
