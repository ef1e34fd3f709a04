import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Compile } from 'typebox/compile';
import { configJsonSchema } from '../../../../scripts/schema/configJsonSchema';
import { DiffConfig } from '../../../../src/core/diff/DiffConfig';
import { DIFF_RULE_TABLE } from '../../../../src/core/diff/DIFF_RULE_TABLE';

const root = join(__dirname, '..', '..', '..', '..');

describe('diff docs and schema', () => {
    it('docs/diff.md lists exactly the rule table', () => {
        const doc = readFileSync(join(root, 'docs', 'diff.md'), 'utf8');
        const block = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(doc)?.[1] ?? '';
        const rows = Object.entries(DIFF_RULE_TABLE).map(
            ([id, rule]) => `| \`${id}\` | ${rule.facet} | ${rule.severity} | ${rule.description} |`,
        );
        assert.equal(
            block,
            ['| rule | facet | default | reports |', '|---|---|---|---|', ...rows, ''].join('\n'),
            'docs/diff.md is out of date with DIFF_RULE_TABLE',
        );
    });

    it('schemas/config.schema.json is generated from DiffConfig and accepts the documented example', () => {
        assert.equal(
            readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8'),
            configJsonSchema(),
            'schemas/config.schema.json is out of date: run npm run schema',
        );
        const doc = readFileSync(join(root, 'docs', 'diff.md'), 'utf8');
        const example = /## `\.parity\/config\.json`[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
        assert.ok(Compile(DiffConfig).Check(JSON.parse(example)), example);
    });
});
