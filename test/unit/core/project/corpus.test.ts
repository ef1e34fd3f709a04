import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { corpusFactsOf, corpusFixtures, FIELDS, type CorpusFacts } from './corpus/corpusFacts';

/**
 * The corpus: fixtures that reproduce the shapes of real public applications (each names its repository in
 * expected.json). Every fixture is detected and planned as Package App does it, every field is compared, and
 * an accuracy table is printed so a regression shows as a number as well as a failure.
 */
describe('corpus of real-world project shapes', () => {
    const rows: { name: string; right: number; wrong: string[] }[] = [];
    const fixtures = corpusFixtures();

    it('holds at least 25 fixtures across Node, Python, Go, Java and Ruby', () => {
        assert.ok(fixtures.length >= 25, `${fixtures.length} fixtures`);
        const ecosystems = new Set(fixtures.map((fixture) => fixture.expected.ecosystem));
        assert.deepEqual([...ecosystems].sort(), ['go', 'java', 'node', 'python', 'ruby']);
        for (const fixture of fixtures) {
            assert.ok(
                fixture.from.length > 0 && fixture.shape.length > 0,
                `${fixture.name}: expected.json names the repository and the shape`,
            );
        }
    });

    for (const fixture of fixtures) {
        it(`${fixture.name} (${fixture.from})`, async () => {
            const actual = await corpusFactsOf(fixture.dir);
            const wrong = FIELDS.filter((field) => !sameValue(actual[field], fixture.expected[field]));
            rows.push({ name: fixture.name, right: FIELDS.length - wrong.length, wrong });
            assert.deepEqual(
                pick(actual, wrong),
                pick(fixture.expected, wrong),
                `${fixture.name}: ${wrong.join(', ')}`,
            );
        });
    }

    after(() => {
        const total = rows.length * FIELDS.length;
        const right = rows.reduce((sum, row) => sum + row.right, 0);
        const width = Math.max(...rows.map((row) => row.name.length), 'fixture'.length);
        const lines = [
            `${'fixture'.padEnd(width)}  fields right`,
            ...rows
                .sort((a, b) => (a.name < b.name ? -1 : 1))
                .map(
                    (row) =>
                        `${row.name.padEnd(width)}  ${row.right}/${FIELDS.length}${row.wrong.length > 0 ? `  wrong: ${row.wrong.join(', ')}` : ''}`,
                ),
            `${'overall'.padEnd(width)}  ${right}/${total} (${total === 0 ? 0 : Math.round((right / total) * 1000) / 10}%)`,
        ];
        process.stdout.write(`\n${lines.join('\n')}\n`);
    });
});

function sameValue(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

function pick(facts: CorpusFacts, fields: readonly (keyof CorpusFacts)[]): Partial<CorpusFacts> {
    return Object.fromEntries(fields.map((field) => [field, facts[field]]));
}
