import { Compile } from 'typebox/compile';
import { DiffConfig } from './DiffConfig';
import { type DiffConfigProblem, DiffConfigError } from './DiffConfigError';
import type { DiffRules } from './DiffRules';

type Validator = ReturnType<typeof Compile<typeof DiffConfig>>;
interface RawError {
    readonly keyword: string;
    readonly instancePath: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly message: string;
}

let validator: Validator | undefined;

/**
 * The text of `.parity/config.json` (a file of a cloned repository, so untrusted) as the DiffRules it sets.
 * Throws DiffConfigError naming `name` and the JSON path of each problem; nothing else.
 */
export function parseDiffConfig(text: string, name: string): Partial<DiffRules> {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new DiffConfigError(name, [
            { path: 'config', message: `is not JSON (${error instanceof Error ? error.message : String(error)})` },
        ]);
    }
    validator ??= Compile(DiffConfig);
    value = withoutTargetEntries(value);
    if (!validator.Check(value)) {
        const problems = ([...validator.Errors(value)] as RawError[]).flatMap(problemsOf);
        throw new DiffConfigError(
            name,
            dedupe(problems.length > 0 ? problems : [{ path: 'config', message: 'does not match the schema' }]),
        );
    }
    return {
        severity: value.severity ?? {},
        // The schema allows only rule ids in `rule`, so the narrower type holds.
        ignore: (value.ignore ?? []) as DiffRules['ignore'],
        requiredEnv: value.requiredEnv ?? [],
    };
}

/**
 * The saved targets' entries are the Targets view's to check (parseSavedTargets), one by one: a bad target
 * there names itself in the view and must not stop every diff of the project. A `targets` that is not a
 * list is still an error here.
 */
function withoutTargetEntries(value: unknown): unknown {
    if (typeof value === 'object' && value !== null && Array.isArray((value as { targets?: unknown }).targets)) {
        return { ...value, targets: [] };
    }
    return value;
}

function problemsOf(error: RawError): DiffConfigProblem[] {
    const pointer = error.instancePath;
    const path = displayPath(pointer);
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties': {
            const extra = Array.isArray(params.additionalProperties) ? params.additionalProperties.map(String) : [];
            const why =
                pointer === '/severity'
                    ? 'is not a rule id (they are listed in docs/diff.md)'
                    : 'is not a field Parity knows here';
            return extra.map((key) => ({
                path: displayPath(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
                message: why,
            }));
        }
        case 'boolean':
            // The `false` schema behind additionalProperties reports the same key again; it is listed once, above.
            return [];
        case 'enum':
            return [
                {
                    path,
                    message: pointer.endsWith('/rule')
                        ? 'is not a rule id (they are listed in docs/diff.md)'
                        : `must be one of ${Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : 'the listed values'}`,
                },
            ];
        case 'type':
            return [
                {
                    path,
                    message: `must be ${Array.isArray(params.type) ? params.type.join(' or ') : String(params.type)}`,
                },
            ];
        case 'minProperties':
            return [{ path, message: 'must name at least one of rule, facet or key' }];
        case 'pattern':
            return [{ path, message: 'must be a variable name (no "=" or spaces)' }];
        default:
            return [{ path, message: error.message }];
    }
}

function dedupe(problems: readonly DiffConfigProblem[]): DiffConfigProblem[] {
    const unique = new Map(problems.map((problem) => [`${problem.path}\n${problem.message}`, problem]));
    return [...unique.values()];
}

/** `/ignore/0/rule` → `ignore[0].rule`; keys that are not identifiers are quoted: `severity["env.missing"]`. */
function displayPath(pointer: string): string {
    const parts = pointer
        .split('/')
        .slice(1)
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts.length === 0) {
        return 'config';
    }
    return parts
        .map((part, index) =>
            /^\d+$/.test(part)
                ? `[${part}]`
                : /^[A-Za-z_$][\w$]*$/.test(part)
                  ? `${index === 0 ? '' : '.'}${part}`
                  : `[${JSON.stringify(part)}]`,
        )
        .join('');
}
