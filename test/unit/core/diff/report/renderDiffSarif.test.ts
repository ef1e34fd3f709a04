import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { DIFF_RULE_TABLE } from '../../../../../src/core/diff/DIFF_RULE_TABLE';
import { renderDiffSarif } from '../../../../../src/core/diff/report/renderDiffSarif';
import { emptyReport, richReport, threeWayReport } from './reportFixtures';

const root = join(__dirname, '..', '..', '..', '..', '..');
// The published schema has a pattern that is invalid with the u flag (an unbalanced `]`); JavaScript reads it without.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(
    JSON.parse(
        readFileSync(
            join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'),
            'utf8',
        ),
    ) as object,
);

describe('renderDiffSarif', () => {
    for (const [name, report] of [
        ['rich', richReport],
        ['three-way', threeWayReport],
        ['empty', emptyReport],
    ] as const) {
        it(`is valid SARIF 2.1.0 for the ${name} report`, () => {
            const log = JSON.parse(renderDiffSarif(report, { toolVersion: '0.1.0' })) as Sarif.Log;
            assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
            assert.equal(log.version, '2.1.0');
        });
    }

    it('the schema is really checked: a run without a tool is rejected', () => {
        assert.ok(!validate({ version: '2.1.0', runs: [{ results: [] }] }));
    });

    const log = JSON.parse(renderDiffSarif(richReport)) as Sarif.Log;
    const run = log.runs[0] as Sarif.Run;
    const results = run.results ?? [];

    it('names the tool and every rule with its default level; no version unless given', () => {
        assert.equal(run.tool.driver.name, 'Parity');
        assert.equal(run.tool.driver.version, undefined);
        assert.equal(
            (JSON.parse(renderDiffSarif(richReport, { toolVersion: '1.2.3' })) as Sarif.Log).runs[0]?.tool.driver
                .version,
            '1.2.3',
        );
        assert.deepEqual(
            run.tool.driver.rules?.map((rule) => rule.id),
            Object.keys(DIFF_RULE_TABLE),
        );
        assert.equal(
            run.tool.driver.rules?.find((rule) => rule.id === 'runtime.patch')?.defaultConfiguration?.level,
            'note',
        );
    });

    it('gives every result a location (GitHub requires one): the first fix, other fixes as related locations', () => {
        assert.deepEqual(
            results.map((result) => result.ruleId),
            ['runtime.major', 'env.value', 'user.uid'],
        );
        for (const result of results) {
            assert.equal(result.locations?.length, 1);
            assert.equal(result.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId, '%SRCROOT%');
        }
        const node = results[0];
        assert.equal(node?.level, 'error');
        assert.deepEqual(node?.locations?.[0]?.physicalLocation, {
            artifactLocation: { uri: '.nvmrc', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1 },
        });
        assert.deepEqual(node?.relatedLocations?.[0]?.physicalLocation, {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4 },
        });
        assert.equal(
            results[2]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
            'dir%20with%20space/Dockerfile',
        );
        assert.equal(results[2]?.level, 'note');
    });

    it('leaves findings without a file out of results, and says so in the invocation and the run properties', () => {
        const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
        assert.equal(notes.length, 3);
        assert.ok(notes[0]?.message.text?.startsWith('platform.libc-family platform/libc:'), notes[0]?.message.text);
        assert.equal(run.properties?.['findingsWithoutLocation'], 3);
    });

    it('fingerprints a result by rule, facet and key, so it is the same alert run after run', () => {
        assert.deepEqual(results[1]?.partialFingerprints, { 'parityFinding/v1': 'env.value|env|API_TOKEN' });
        assert.deepEqual(results[1]?.properties, {
            facet: 'env',
            key: 'API_TOKEN',
            from: 'set',
            to: 'another value',
            secret: true,
        });
    });

    it('carries three-way values and which step introduced them', () => {
        const three = (JSON.parse(renderDiffSarif(threeWayReport)) as Sarif.Log).runs[0];
        assert.deepEqual(three?.results?.[0]?.properties, {
            facet: 'locale',
            key: 'LANG',
            from: 'C.UTF-8',
            to: 'C',
            via: 'C',
            introducedBy: 'recipe',
        });
        assert.equal(three?.properties?.['via'], 'image:app:1');
    });
});
