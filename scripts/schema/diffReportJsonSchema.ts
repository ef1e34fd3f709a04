// The published JSON Schema of diff reports (schemas/diff-report.schema.json), generated from the typebox
// schema in src/core/diff/report/DiffReportSchema.ts so the file and the report's type cannot drift.
import {
    DiffReportSchema,
    DiffReportSide,
    FindingFix,
    ReportFinding,
    UnknownFacet,
} from '../../src/core/diff/report/DiffReportSchema';
import { SourceRef } from '../../src/core/snapshot/Snapshot';
import { type Json, schemaWithDefinitions } from './schemaWithDefinitions';

/** The text of schemas/diff-report.schema.json (written by `npm run schema`, checked by a unit test). */
export function diffReportJsonSchema(): string {
    const { properties, ...root } = JSON.parse(JSON.stringify(DiffReportSchema)) as { [key: string]: Json };
    const file = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://parity.dev/schemas/diff-report.schema.json',
        title: 'Parity diff report (parity diff --format json)',
        description: 'The result of comparing two environments. See docs/diff.md.',
        ...root,
        ...schemaWithDefinitions(properties ?? null, {
            DiffReportSide,
            ReportFinding,
            FindingFix,
            SourceRef,
            UnknownFacet,
        }),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}
