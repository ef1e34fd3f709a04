import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffRulesFromSettings, DiffSettingsError } from '../../../../src/vscode/diff/diffRulesFromSettings';

describe('diffRulesFromSettings', () => {
    it('the three settings as the rules they set', () => {
        assert.deepEqual(
            diffRulesFromSettings({
                severity: { 'packages.added': 'off', 'timezone.name': 'error' },
                ignore: [{ facet: 'env', key: 'CI_*', reason: 'CI only' }],
                requiredEnv: ['DATABASE_URL'],
            }),
            {
                severity: { 'packages.added': 'off', 'timezone.name': 'error' },
                ignore: [{ facet: 'env', key: 'CI_*', reason: 'CI only' }],
                requiredEnv: ['DATABASE_URL'],
            },
        );
    });

    it('unset settings set nothing', () => {
        assert.deepEqual(diffRulesFromSettings({}), { severity: {}, ignore: [], requiredEnv: [] });
    });

    it('a bad value is an error naming the setting and what is wrong', () => {
        const fails = (values: Parameters<typeof diffRulesFromSettings>[0], message: RegExp): void => {
            assert.throws(
                () => diffRulesFromSettings(values),
                (error: unknown) => error instanceof DiffSettingsError && message.test(error.message),
            );
        };
        fails({ severity: { 'env.mising': 'error' } }, /^parity\.diff\.severity\["env\.mising"\] is not a rule id/);
        fails(
            { severity: { 'env.missing': 'fatal' } },
            /^parity\.diff\.severity\["env\.missing"\] must be one of error, warning, info, off/,
        );
        fails({ ignore: [{}] }, /^parity\.diff\.ignore\[0\] must name at least one of rule, facet or key/);
        fails({ ignore: [{ rule: 'nope' }] }, /^parity\.diff\.ignore\[0\]\.rule is not a rule id/);
        fails({ requiredEnv: ['A=B'] }, /^parity\.diff\.requiredEnv\[0\] must be a variable name/);
        fails({ requiredEnv: 'API_KEY' }, /^parity\.diff\.requiredEnv must be array/);
    });
});
