// Property-based: whatever strings the project puts into paths, labels, the start command and env, the
// Dockerfile has exactly the planned instructions, and Docker reads back exactly those strings.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import fc from 'fast-check';
import type { Plan } from '../../../../src/core/plan/Plan';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { RecipeTextError } from '../../../../src/core/plan/RecipeTextError';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { fixtureDir, snapshotFor } from './snapshotFor';

const RUNS = { numRuns: 2000 };
/** Characters Docker, the shell or JSON treat specially, and a few that are not special at all. */
const TRICKY = fc.constantFrom(...' a/Z9.-_$"\'\\`#={}()&;|<>!~@%+,:é'.split(''), '${', ' \\', '\u00a0');
const text = fc.string({ unit: TRICKY, minLength: 1, maxLength: 16 });
const withControls = fc.string({
    unit: fc.oneof(TRICKY, fc.constantFrom('\n', '\r', '\t', '\u0000', '\u007f', '\u0085', '\u2028')),
    minLength: 1,
    maxLength: 16,
});

/** Docker's word processing (buildkit's shell lexer) without variables: quotes removed, escapes applied. */
function dockerWord(raw: string): string {
    let result = '';
    for (let index = 0; index < raw.length; index += 1) {
        const char = raw.charAt(index);
        if (char === '\\') {
            index += 1;
            result += raw.charAt(index);
        } else if (char === "'") {
            const end = raw.indexOf("'", index + 1);
            result += raw.slice(index + 1, end);
            index = end;
        } else if (char === '"') {
            for (index += 1; raw.charAt(index) !== '"'; index += 1) {
                const next = raw.charAt(index + 1);
                if (raw.charAt(index) === '\\' && (next === '"' || next === '$' || next === '\\')) {
                    index += 1;
                }
                result += raw.charAt(index);
            }
        } else {
            assert.notEqual(char, '$', `an unescaped $ in ${raw}`);
            result += char;
        }
    }
    return result;
}

function args(instruction: Instruction): string {
    return instruction.getArgumentsContent() ?? '';
}

/** Each `key=value` of a LABEL or ENV instruction, the value as Docker reads it. */
function properties(dockerfile: string, instruction: Instruction): Record<string, string> {
    const lines = dockerfile.split('\n');
    const result: Record<string, string> = {};
    for (const property of (
        instruction as unknown as {
            getProperties(): {
                getName(): string;
                getValueRange(): { start: { line: number; character: number }; end: { character: number } } | null;
            }[];
        }
    ).getProperties()) {
        const range = property.getValueRange();
        assert.ok(range);
        result[property.getName()] = dockerWord(
            (lines[range.start.line] ?? '').slice(range.start.character, range.end.character),
        );
    }
    return result;
}

interface Hostile {
    readonly dir: string;
    readonly title: string;
    readonly start: readonly string[];
    readonly env: string;
}

function hostilePlan(plan: Plan, hostile: Hostile): Plan {
    const manager = plan.packageManager;
    assert.ok(manager);
    return {
        ...plan,
        appRoot: `apps/${hostile.dir}`,
        packageManager: { ...manager, manifests: ['package.json', '.yarnrc.yml*', `apps/${hostile.dir}/package.json`] },
        labels: { ...plan.labels, 'org.opencontainers.image.title': hostile.title },
        startCommand: { ...plan.startCommand, value: hostile.start },
        env: { ...plan.env, APP_GREETING: hostile.env },
    };
}

const keywords = (dockerfile: string): string[] =>
    DockerfileParser.parse(dockerfile)
        .getInstructions()
        .map((instruction) => instruction.getKeyword());

describe('Dockerfile writer (properties)', () => {
    let plan: Plan;
    let expected: string[];
    before(async () => {
        plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-yarn-berry-workspaces'), { installed: { node: '20.18.1' } }),
            { projectRoot: '/home/dev/project' },
        );
        expected = keywords(
            renderRecipe(hostilePlan(plan, { dir: 'api', title: 'api', start: ['node', 'server.js'], env: 'hi' }), {
                buildkit: true,
            }).dockerfile,
        );
    });

    it('paths, labels, commands and env round-trip, in exactly the planned instructions', () => {
        const hostile = fc.record({
            dir: text.filter((dir) => !/[*?[]/.test(dir)),
            title: text,
            start: fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 4 }),
            env: text.filter((value) => !value.includes('$')),
        });
        fc.assert(
            fc.property(hostile, fc.boolean(), (values, buildkit) => {
                const dockerfile = renderRecipe(hostilePlan(plan, values), { buildkit }).dockerfile;
                const instructions = DockerfileParser.parse(dockerfile).getInstructions();
                if (buildkit) {
                    assert.deepEqual(
                        instructions.map((instruction) => instruction.getKeyword()),
                        expected,
                    );
                }
                const of = (keyword: string): Instruction[] =>
                    instructions.filter((instruction) => instruction.getKeyword() === keyword);
                const copies = of('COPY')
                    .map((instruction) => args(instruction))
                    .map((raw) =>
                        (raw.startsWith('[') ? (JSON.parse(raw) as string[]) : raw.split(/\s+/))
                            .map(dockerWord)
                            .join('|'),
                    );
                assert.ok(copies.includes(`apps/${values.dir}/package.json|apps/${values.dir}/`), copies.join('\n'));
                assert.equal(dockerWord(args(of('WORKDIR').at(-1) as Instruction)), `/app/apps/${values.dir}`);
                assert.equal(
                    properties(dockerfile, of('LABEL')[0] as Instruction)['org.opencontainers.image.title'],
                    values.title,
                );
                const env = of('ENV')
                    .map((instruction) => properties(dockerfile, instruction))
                    .find((found) => 'APP_GREETING' in found);
                assert.equal(env?.APP_GREETING, values.env);
                assert.deepEqual(JSON.parse(args(of('CMD')[0] as Instruction)), values.start);
            }),
            RUNS,
        );
    });

    it('a line break or other control character is refused, never written', () => {
        const hostile = fc.record({
            dir: withControls.filter((dir) => !/[*?[]/.test(dir)),
            title: withControls,
            start: fc.array(withControls, { minLength: 1, maxLength: 3 }),
            env: withControls,
        });
        fc.assert(
            fc.property(hostile, (values) => {
                try {
                    const dockerfile = renderRecipe(hostilePlan(plan, values), { buildkit: true }).dockerfile;
                    assert.deepEqual(keywords(dockerfile), expected);
                    assert.doesNotMatch(dockerfile.replaceAll('\n', ''), /[\p{Cc}\u2028\u2029]/u);
                } catch (error) {
                    assert.ok(error instanceof RecipeTextError, String(error));
                }
            }),
            RUNS,
        );
    });
});
