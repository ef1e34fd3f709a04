import { Compile } from 'typebox/compile';
import { SNAPSHOT_SCHEMA_VERSION, Snapshot } from './Snapshot';
import { type SnapshotProblem, SnapshotValidationError } from './SnapshotValidationError';

type Validator = ReturnType<typeof Compile<typeof Snapshot>>;
type SchemaNode = Readonly<Record<string, unknown>>;
interface RawError {
    readonly keyword: string;
    readonly schemaPath: string;
    readonly instancePath: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly message: string;
}

let validator: Validator | undefined;

/**
 * A value read from a file, checked against the Snapshot schema before anything trusts it. Throws
 * SnapshotValidationError (and nothing else) naming each problem by its JSON path; a snapshot from a newer
 * Parity is said to be one rather than listed field by field.
 */
export function validateSnapshot(value: unknown, subject = 'The snapshot'): Snapshot {
    validator ??= Compile(Snapshot);
    if (validator.Check(value)) {
        return value;
    }
    const version = isRecord(value) ? value.schemaVersion : undefined;
    if (typeof version === 'number' && version > SNAPSHOT_SCHEMA_VERSION) {
        throw new SnapshotValidationError(
            subject,
            [
                {
                    path: 'schemaVersion',
                    message: `is ${version}; this Parity reads version ${SNAPSHOT_SCHEMA_VERSION}, so update Parity to read it`,
                },
            ],
            `${subject} was made by a newer Parity`,
        );
    }
    const problems = problemsOf([...validator.Errors(value)] as RawError[], value);
    throw new SnapshotValidationError(
        subject,
        problems.length > 0 ? problems : [{ path: 'snapshot', message: 'does not match the schema' }],
    );
}

/**
 * The validator's errors as a person reads them. A union (`X | null`, an enum or an object) reports every
 * branch; only the branch of the value's own JSON type is kept, or one "must be A or B, not C" when none fits.
 */
function problemsOf(errors: readonly RawError[], value: unknown): SnapshotProblem[] {
    const dropped: string[] = [];
    const problems: { path: string; message: string }[] = [];
    const isDropped = (schemaPath: string): boolean =>
        dropped.some((prefix) => schemaPath === prefix || schemaPath.startsWith(`${prefix}/`));
    const unions = errors
        .filter((error) => error.keyword === 'anyOf')
        .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
    for (const union of unions) {
        if (isDropped(union.schemaPath)) {
            continue;
        }
        const branches = (schemaAt(union.schemaPath)?.anyOf ?? []) as readonly SchemaNode[];
        const found = valueAt(value, union.instancePath);
        const fitting = branches
            .map((_, index) => index)
            .filter((index) => found.ok && admitsTypeOf(branches[index] ?? {}, found.value));
        branches.forEach((_, index) => {
            if (fitting.length !== 1 || fitting[0] !== index) {
                dropped.push(`${union.schemaPath}/anyOf/${index}`);
            }
        });
        if (fitting.length !== 1) {
            problems.push({
                path: union.instancePath,
                message: `must be ${branches.map(expectation).join(' or ')}${found.ok ? `, not ${describe(found.value)}` : ''}`,
            });
        }
    }
    for (const error of errors) {
        if (error.keyword === 'anyOf' || isDropped(error.schemaPath)) {
            continue;
        }
        problems.push(...problemsOfError(error, value));
    }
    const unique = new Map<string, SnapshotProblem>();
    for (const { path, message } of problems) {
        const shown = displayPath(path);
        unique.set(`${shown}\n${message}`, { path: shown, message });
    }
    return [...unique.values()];
}

function problemsOfError(error: RawError, value: unknown): { path: string; message: string }[] {
    const params = error.params;
    const path = error.instancePath;
    switch (error.keyword) {
        case 'type': {
            const found = valueAt(value, path);
            return [
                {
                    path,
                    message: `must be ${typeNames(params.type)}${found.ok ? `, not ${describe(found.value)}` : ''}`,
                },
            ];
        }
        case 'required':
            return names(params.requiredProperties).map((name) => ({
                path: `${path}/${escape(name)}`,
                message: 'is missing',
            }));
        case 'additionalProperties':
            // With a schema for additional properties (env, packages) the failing values report themselves; the same
            // problem reported twice (here and as a `false` schema) is listed once.
            return schemaAt(error.schemaPath)?.additionalProperties === false
                ? names(params.additionalProperties).map((name) => ({
                      path: `${path}/${escape(name)}`,
                      message: 'is not a field Parity knows here',
                  }))
                : [];
        case 'boolean':
            // `false` schemas: here only additionalProperties: false, reported key by key (not always with the parent's error).
            return [{ path, message: 'is not a field Parity knows here' }];
        case 'const':
            return [{ path, message: `must be ${JSON.stringify(params.allowedValue)}` }];
        case 'enum':
            return [{ path, message: `must be one of ${names(params.allowedValues).join(', ')}` }];
        case 'minimum':
        case 'exclusiveMinimum':
        case 'maximum':
        case 'exclusiveMaximum': {
            const words: Readonly<Record<string, string>> = {
                '>=': 'at least',
                '>': 'more than',
                '<=': 'at most',
                '<': 'less than',
            };
            return [
                {
                    path,
                    message: `must be ${words[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}`,
                },
            ];
        }
        case 'maxLength':
            return [{ path, message: `must be at most ${String(params.limit)} characters long` }];
        case 'pattern':
            return [{ path, message: `must match ${String(schemaAt(error.schemaPath)?.pattern ?? params.pattern)}` }];
        case 'format':
            return [{ path, message: `must be a ${String(params.format)} such as 2026-01-31T12:00:00.000Z` }];
        default:
            return [{ path, message: error.message }];
    }
}

/** The schema node a `#/properties/…` path points at (schemaPaths name nodes of the Snapshot schema itself). */
function schemaAt(pointer: string): SchemaNode | undefined {
    let node: unknown = Snapshot;
    for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescape)) {
        node = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
    }
    return isRecord(node) ? node : undefined;
}

function valueAt(value: unknown, pointer: string): { ok: true; value: unknown } | { ok: false } {
    let node: unknown = value;
    for (const part of pointer.split('/').slice(1).map(unescape)) {
        if (!(isRecord(node) || Array.isArray(node)) || !Object.prototype.hasOwnProperty.call(node, part)) {
            return { ok: false };
        }
        node = (node as Record<string, unknown>)[part];
    }
    return { ok: true, value: node };
}

/** Whether a union branch is meant for values of this JSON type (its detailed checks aside). */
function admitsTypeOf(branch: SchemaNode, value: unknown): boolean {
    const type = jsonType(value);
    const declared =
        branch.type ??
        (branch.enum as unknown[] | undefined)?.map(jsonType) ??
        ('const' in branch ? jsonType(branch.const) : undefined);
    const types = Array.isArray(declared) ? (declared as unknown[]) : [declared];
    return types.includes(type) || (type === 'number' && types.includes('integer'));
}

function expectation(branch: SchemaNode): string {
    if (Array.isArray(branch.enum)) {
        return `one of ${names(branch.enum).join(', ')}`;
    }
    if ('const' in branch) {
        return JSON.stringify(branch.const);
    }
    return typeNames(branch.type);
}

function typeNames(type: unknown): string {
    const article = (name: string): string =>
        name === 'null' ? 'null' : /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
    return (Array.isArray(type) ? (type as unknown[]) : [type]).map((name) => article(String(name))).join(' or ');
}

function jsonType(value: unknown): string {
    return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The value in a few words: its type for strings, objects and arrays (which may be long or secret), else itself. */
function describe(value: unknown): string {
    const type = jsonType(value);
    return type === 'number' || type === 'boolean' || type === 'null' ? String(value) : typeNames(type);
}

function names(list: unknown): string[] {
    return Array.isArray(list) ? list.map(String) : [];
}

/** `/packageManagers/0/name` → `packageManagers[0].name`; odd keys quoted: `env["A B"]`. */
function displayPath(pointer: string): string {
    const parts = pointer.split('/').slice(1).map(unescape);
    if (parts.length === 0) {
        return 'snapshot';
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

function escape(name: string): string {
    return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(part: string): string {
    return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
