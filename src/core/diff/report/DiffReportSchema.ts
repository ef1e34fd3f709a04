import Type, { type Static, type TSchema } from 'typebox';
import { SourceKind, SourceRef } from '../../snapshot/Snapshot';
import { DIFF_REPORT_VERSION, type DiffReport } from '../DiffReport';

const Struct = <T extends Parameters<typeof Type.Object>[0]>(properties: T, options: { description?: string } = {}) =>
    Type.Object(properties, { additionalProperties: false, ...options });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Severity = Type.Enum(['error', 'warning', 'info']);
const Side = Type.Enum(['from', 'to']);
const Count = () => Type.Integer({ minimum: 0 });

export const DiffReportSide = Struct(
    {
        target: Type.String({
            description: 'As the user named it: host:., image:api:1, container:web, file:.parity/prod.snapshot.json.',
        }),
        kind: SourceKind,
        ref: Type.String(),
        id: Type.Optional(Type.String({ description: "The engine's immutable id (image sha256, container id)." })),
        capturedAt: Type.String({ description: 'ISO 8601, UTC.' }),
        platform: Type.String({ description: 'os/arch and distro in a word, e.g. "linux/amd64 debian 12".' }),
    },
    { description: 'What one side was: which environment, never its facts.' },
);

export const FindingFix = Struct(
    {
        description: Type.String(),
        side: Side,
        at: SourceRef,
        replaceLineWith: Type.Optional(
            Type.String({ description: 'A replacement for the whole line, when Parity knows it.' }),
        ),
    },
    { description: 'One way to remove the difference, saying which side changes.' },
);

export const ReplicaDrift = Struct(
    {
        side: Type.Optional(
            Type.Enum(['from', 'via', 'to'], { description: 'The side of the comparison the service is on.' }),
        ),
        task: Type.String({ description: 'SERVICE.SLOT of the task that differs.' }),
        taskId: Type.String(),
        reference: Type.String({
            description: 'SERVICE.SLOT of the task it is compared with (the lowest slot probed).',
        }),
        referenceTaskId: Type.String(),
        facet: Type.String({ description: 'The facet of the difference itself.' }),
        key: Type.String(),
        rule: Type.String({ description: "The rule of the difference itself (the finding's rule is swarm.drift)." }),
    },
    {
        description:
            "Rule swarm.drift: a task of a Swarm service that differs from its reference task; from is the reference's value, to the task's.",
    },
);

export const ReportFinding = Struct(
    {
        facet: Type.String(),
        key: Type.String(),
        severity: Severity,
        from: Nullable(Type.String()),
        to: Nullable(Type.String()),
        message: Type.String(),
        rule: Type.String({ description: 'A rule id from docs/diff.md.' }),
        byDesign: Type.Optional(
            Type.String({ description: 'Why Parity makes this difference on purpose; such a finding is info.' }),
        ),
        secret: Type.Optional(Type.Boolean({ description: "The variable's name looks like a credential." })),
        via: Type.Optional(
            Nullable(Type.String({ description: 'Three-way: the value in the built image (null when absent there).' })),
        ),
        introducedBy: Type.Optional(Type.Enum(['recipe', 'target', 'both'])),
        fix: Type.Optional(Type.Array(FindingFix)),
        drift: Type.Optional(ReplicaDrift),
    },
    { description: 'One difference that matters. Env values are never in it, only "set" / "another value".' },
);

export const UnknownFacet = Struct(
    {
        facet: Type.String(),
        key: Type.Optional(Type.String()),
        side: Type.Enum(['from', 'to', 'both']),
        why: Type.String(),
    },
    { description: 'A fact one side could not read: never a difference.' },
);

/**
 * The contract of `parity diff --format json` (DiffReport in src/core/diff/DiffReport.ts): the source of
 * schemas/diff-report.schema.json (`npm run schema`). A type check below keeps it equal to the interface.
 */
export const DiffReportSchema = Struct({
    reportVersion: Type.Literal(DIFF_REPORT_VERSION),
    from: DiffReportSide,
    to: DiffReportSide,
    via: Type.Optional(DiffReportSide),
    findings: Type.Array(ReportFinding, { description: 'Sorted: severity (error first), then facet, key and rule.' }),
    counts: Struct({ error: Count(), warning: Count(), info: Count() }),
    ignored: Count(),
    unknown: Type.Array(UnknownFacet),
});

type Mutable<T> = T extends readonly (infer U)[]
    ? Mutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Mutable<T[K]> }
      : T;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/** Fails to compile when the schema and the DiffReport interface drift apart. */
export const SCHEMA_MATCHES_INTERFACE: Equal<Mutable<Static<typeof DiffReportSchema>>, Mutable<DiffReport>> = true;
