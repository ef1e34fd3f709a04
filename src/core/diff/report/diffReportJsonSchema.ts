import { SourceRef } from '../../snapshot/Snapshot';
import { DiffReportSchema, DiffReportSide, FindingFix, ReportFinding, UnknownFacet } from './DiffReportSchema';

/** Parts the file names once under `definitions` and refers to with `$ref`, as editors show them by name. */
const DEFINITIONS: Readonly<Record<string, unknown>> = { DiffReportSide, ReportFinding, FindingFix, SourceRef, UnknownFacet };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The text of schemas/diff-report.schema.json (written by `npm run schema`, checked by a unit test). */
export function diffReportJsonSchema(): string {
    const byText = new Map(Object.entries(DEFINITIONS).map(([name, schema]) => [JSON.stringify(schema), name]));
    const withRefs = (node: Json, self?: string): Json => {
        if (Array.isArray(node)) {
            return node.map((item) => withRefs(item));
        }
        if (node === null || typeof node !== 'object') {
            return node;
        }
        const name = byText.get(JSON.stringify(node));
        if (name !== undefined && name !== self) {
            return { $ref: `#/definitions/${name}` };
        }
        return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withRefs(value)]));
    };
    const { properties, ...root } = JSON.parse(JSON.stringify(DiffReportSchema)) as { [key: string]: Json };
    const file = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://parity.dev/schemas/diff-report.schema.json',
        title: 'Parity diff report (parity diff --format json)',
        description: 'The result of comparing two environments. See docs/diff.md.',
        ...root,
        properties: withRefs(properties ?? null),
        definitions: Object.fromEntries(Object.entries(DEFINITIONS).map(([name, schema]) => [name, withRefs(JSON.parse(JSON.stringify(schema)) as Json, name)])),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}
