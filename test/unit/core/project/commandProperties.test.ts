// Property-based: .env files, Procfiles and command lines as a cloned repository may write them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quote } from 'shell-quote';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { readDotenv, readDotenvValues } from '../../../../src/core/project/readDotenv';
import { readProcfile } from '../../../../src/core/project/readProcfile';
import { splitCommand } from '../../../../src/core/project/splitCommand';
import { memoryProjectFiles } from '../../../support/memoryProjectFiles';

const RUNS = { numRuns: 3000 };
const KEY = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
const PLAIN_WORD = fc.stringMatching(/^[A-Za-z0-9_./:=@%+,-]{1,12}$/);
/** Text a quoted dotenv value can hold as is: line breaks and shell-ish characters, no backslash or quote of its kind. */
const valueWithout = (quoteChar: string) =>
    fc.string({ unit: fc.constantFrom(...'ab Z9 #=$:\n\t-'.split(''), quoteChar === '"' ? "'" : '"'), maxLength: 30 });

describe('.env parsing (properties)', () => {
    it('never throws, and every key it reports sits on a line that names it', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.string({ unit: fc.constantFrom(...'AB_=\'"`#\\ \n\r\texport:.-x1'.split('')), maxLength: 80 }),
                async (text) => {
                    const env = await readDotenv(memoryProjectFiles({ '.env': text }), EnvHashKey.generate());
                    const lines = text.split(/\r?\n/);
                    for (const [key, fact] of Object.entries(env)) {
                        const line = (fact.source as { line: number }).line;
                        assert.ok(
                            lines[line - 1]?.includes(key),
                            `${key} reported on line ${line} of ${JSON.stringify(text)}`,
                        );
                    }
                },
            ),
            RUNS,
        );
    });

    it('generated KEY=value files, quoted multi-line values included, read back exactly, each key on its line', async () => {
        const entry = fc.oneof(
            fc.tuple(KEY, valueWithout('"'), fc.constant('"')),
            fc.tuple(KEY, valueWithout("'"), fc.constant("'")),
            fc.tuple(KEY, PLAIN_WORD, fc.constant('')),
        );
        await fc.assert(
            fc.asyncProperty(
                fc.uniqueArray(entry, { selector: ([key]) => key, maxLength: 6 }),
                fc.boolean(),
                async (entries, comments) => {
                    const text: string[] = [];
                    const expectedLines: Record<string, number> = {};
                    for (const [key, value, quoteChar] of entries) {
                        if (comments) {
                            text.push('# a comment');
                        }
                        expectedLines[key] = text.length + 1;
                        text.push(...`${key}=${quoteChar}${value}${quoteChar}`.split('\n'));
                    }
                    const files = { '.env': `${text.join('\n')}\n` };
                    assert.deepEqual(
                        await readDotenvValues(memoryProjectFiles(files)),
                        Object.fromEntries(entries.map(([key, value]) => [key, value])),
                    );
                    const env = await readDotenv(memoryProjectFiles(files), EnvHashKey.generate());
                    assert.deepEqual(
                        Object.fromEntries(
                            Object.entries(env).map(([key, fact]) => [key, (fact.source as { line: number }).line]),
                        ),
                        expectedLines,
                    );
                },
            ),
            RUNS,
        );
    });
});

describe('command splitting (properties)', () => {
    it('never throws; an empty line is no command, anything else is words or sh -c with the line', () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 60 }), (line) => {
                const words = splitCommand(line);
                if (line.trim() === '') {
                    assert.deepEqual(words, []);
                } else if (words[0] === 'sh' && words[1] === '-c' && words.length === 3) {
                    assert.equal(words[2], line.trim());
                }
            }),
            RUNS,
        );
    });

    it('plain words round-trip', () => {
        fc.assert(
            fc.property(fc.array(PLAIN_WORD, { minLength: 1, maxLength: 6 }), (words) => {
                assert.deepEqual(splitCommand(words.join(' ')), words);
            }),
            RUNS,
        );
    });

    it('any words, quoted by shell-quote: exactly those words, or the line for sh -c — never another split', () => {
        fc.assert(
            fc.property(
                fc.array(
                    fc.string({ unit: fc.constantFrom(...'ab $`"\'\\#;&|*?~{}[]()<>!= '.split('')), maxLength: 8 }),
                    { minLength: 1, maxLength: 5 },
                ),
                (words) => {
                    const line = quote(words);
                    const split = splitCommand(line);
                    if (!(split[0] === 'sh' && split[1] === '-c' && split[2] === line)) {
                        assert.deepEqual(split, words);
                    }
                },
            ),
            RUNS,
        );
    });

    it('a variable (bare, braced, inside double quotes) or an operator anywhere sends the line to sh -c', () => {
        const shellBit = fc.oneof(
            KEY.map((name) => `$${name}`),
            KEY.map((name) => `"\${${name}}"`),
            KEY.map((name) => `"x $${name} y"`),
            PLAIN_WORD.map((word) => `"$(${word})"`),
            fc.constantFrom('&&', '||', ';', '|', '>', '<', '2>&1', '&', '`id`', '*.js', '# note'),
        );
        fc.assert(
            fc.property(
                fc.array(PLAIN_WORD, { maxLength: 3 }),
                shellBit,
                fc.array(PLAIN_WORD, { maxLength: 3 }),
                (before, bit, after) => {
                    const line = ['node', ...before, bit, ...after].join(' ');
                    assert.deepEqual(splitCommand(line), ['sh', '-c', line]);
                },
            ),
            RUNS,
        );
    });

    it('Procfiles: never throw; each process is its command split', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.array(
                    fc.tuple(
                        fc.stringMatching(/^[a-z]{1,6}$/),
                        fc
                            .string({ maxLength: 30 })
                            .filter((command) => !/[\r\n]/.test(command) && command.trim() !== ''),
                    ),
                    { maxLength: 5 },
                ),
                async (processes) => {
                    const text = processes.map(([type, command]) => `${type}: ${command}`).join('\n');
                    const read = await readProcfile(memoryProjectFiles({ Procfile: text }));
                    assert.deepEqual(
                        read.map((process) => process.command.value),
                        processes.map(([, command]) => splitCommand(command.trim())),
                    );
                },
            ),
            RUNS,
        );
    });
});
