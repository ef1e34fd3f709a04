import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import type { DiffReport } from '../../../../../src/core/diff/DiffReport';
import { diffReportJsonSchema } from '../../../../../scripts/schema/diffReportJsonSchema';
import { renderDiffJson } from '../../../../../src/core/diff/report/renderDiffJson';
import { emptyReport, richReport, threeWayReport } from './reportFixtures';

const root = join(__dirname, '..', '..', '..', '..', '..');
const schemaText = readFileSync(join(root, 'schemas', 'diff-report.schema.json'), 'utf8');
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(schemaText) as object);

describe('renderDiffJson and schemas/diff-report.schema.json', () => {
    it('the committed schema is what the generator writes', () => {
        assert.equal(
            schemaText,
            diffReportJsonSchema(),
            'schemas/diff-report.schema.json is out of date: run npm run schema',
        );
    });

    for (const [name, report] of [
        ['rich', richReport],
        ['three-way', threeWayReport],
        ['empty', emptyReport],
    ] as const) {
        it(`renders the ${name} report as it is, valid against the schema`, () => {
            const json = renderDiffJson(report);
            assert.ok(json.endsWith('}\n'));
            assert.deepEqual(JSON.parse(json), report);
            assert.ok(validate(JSON.parse(json)), JSON.stringify(validate.errors, null, 1));
        });
    }

    it('the schema rejects what is not a report', () => {
        assert.ok(!validate({ ...richReport, reportVersion: 2 }));
        assert.ok(!validate({ ...richReport, findings: [{ ...richReport.findings[0], severity: 'fatal' }] }));
        assert.ok(
            !validate({ ...richReport, findings: [{ ...richReport.findings[0], value: 'hunter2' }] }),
            'no field a value could travel in',
        );
    });

    it('writes fields in contract order whatever order the report was built in, and only contract fields', () => {
        const finding = richReport.findings[0];
        assert.ok(finding);
        const shuffled = {
            unknown: [{ why: 'w', side: 'to', key: 'k', facet: 'limits' }],
            ignored: 1,
            counts: { info: 0, warning: 0, error: 1 },
            findings: [{ ...Object.fromEntries(Object.entries(finding).reverse()), value: 'hunter2' }],
            to: Object.fromEntries(Object.entries(richReport.to).reverse()),
            from: richReport.from,
            reportVersion: 1,
        } as unknown as DiffReport;
        const json = renderDiffJson(shuffled);
        assert.deepEqual(Object.keys(JSON.parse(json) as object), [
            'reportVersion',
            'from',
            'to',
            'findings',
            'counts',
            'ignored',
            'unknown',
        ]);
        assert.equal(
            json,
            renderDiffJson({
                ...richReport,
                findings: [finding],
                counts: { error: 1, warning: 0, info: 0 },
                ignored: 1,
                unknown: [{ facet: 'limits', key: 'k', side: 'to', why: 'w' }],
            }),
        );
        assert.ok(!json.includes('hunter2'));
    });
});
