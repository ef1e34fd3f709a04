import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeDiffRules } from '../../../../src/core/diff/mergeDiffRules';
import { parseDiffConfig } from '../../../../src/core/diff/parseDiffConfig';
import { DiffConfigError } from '../../../../src/core/diff/DiffConfigError';
import { diff, env, host, image, only } from './diffFixtures';

const drift = {
    ...image,
    env: { API_TOKEN: env('x') },
    umask: '0077',
    user: { uid: 0, gid: 0, name: 'root', home: '/root' },
};

describe('diff rules', () => {
    it('a severity override replaces the table default', () => {
        assert.equal(only(diff(host, drift, { severity: { umask: 'error' } }), 'umask').severity, 'error');
    });

    it('"off" and ignore entries drop findings but count them', () => {
        const result = diff(host, drift, {
            severity: { 'env.added': 'off' },
            ignore: [{ facet: 'user' }, { rule: 'umask', reason: 'we set it in the entrypoint' }],
        });
        assert.deepEqual(result.findings, []);
        assert.equal(result.ignored, 4);
    });

    it('ignore keys match with *, every given field must match', () => {
        const many = { ...host, env: { APP_A: env('a'), APP_B: env('a'), OTHER: env('a') } };
        const result = diff(
            many,
            { ...image, env: {} },
            {
                ignore: [
                    { facet: 'env', key: 'APP_*' },
                    { facet: 'user', key: 'OTHER' },
                ],
            },
        );
        assert.deepEqual(
            result.findings.map((finding) => finding.key),
            ['OTHER'],
        );
        assert.equal(result.ignored, 2);
    });

    it('a by-design fact turns a matching finding into info with the reason', () => {
        const result = diff(host, drift, {
            byDesign: [
                { facet: 'user', key: 'root', reason: 'Parity runs the app as a non-root user' },
                { facet: 'user', key: 'g*', reason: 'its group comes with the user' },
            ],
        });
        const root = only(result, 'user.root');
        assert.deepEqual([root.severity, root.byDesign], ['info', 'Parity runs the app as a non-root user']);
        assert.equal(only(result, 'user.gid').byDesign, 'its group comes with the user');
        assert.equal(only(result, 'umask').byDesign, undefined);
    });

    it('mergeDiffRules: later severities win, lists add up, required names once', () => {
        const merged = mergeDiffRules(
            { severity: { umask: 'error', 'env.added': 'off' }, requiredEnv: ['A'], ignore: [{ facet: 'packages' }] },
            {
                severity: { umask: 'warning' },
                requiredEnv: ['A', 'B'],
                byDesign: [{ facet: 'user', reason: 'non-root' }],
            },
        );
        assert.deepEqual(merged, {
            severity: { umask: 'warning', 'env.added': 'off' },
            requiredEnv: ['A', 'B'],
            ignore: [{ facet: 'packages' }],
            byDesign: [{ facet: 'user', reason: 'non-root' }],
        });
    });
});

describe('parseDiffConfig', () => {
    const name = '.parity/config.json';
    const problem = (text: string): string => {
        try {
            parseDiffConfig(text, name);
        } catch (error) {
            assert.ok(error instanceof DiffConfigError, String(error));
            assert.ok(error.message.startsWith(`${name} is not a valid Parity config: `));
            return error.problems.map((entry) => `${entry.path}: ${entry.message}`).join(' | ');
        }
        throw new Error('accepted');
    };

    it('reads severities, ignores and required variables', () => {
        const text = JSON.stringify({
            $schema: '../schemas/config.schema.json',
            severity: { 'packages.added': 'off', 'env.missing': 'error' },
            ignore: [{ facet: 'env', key: 'DEBUG_*', reason: 'local only' }],
            requiredEnv: ['DATABASE_URL'],
        });
        assert.deepEqual(parseDiffConfig(text, name), {
            severity: { 'packages.added': 'off', 'env.missing': 'error' },
            ignore: [{ facet: 'env', key: 'DEBUG_*', reason: 'local only' }],
            requiredEnv: ['DATABASE_URL'],
        });
        assert.deepEqual(parseDiffConfig('{}', name), { severity: {}, ignore: [], requiredEnv: [] });
    });

    it('names the JSON path of each problem', () => {
        assert.match(problem('{ "severity": '), /^config: is not JSON/);
        assert.equal(problem('[]'), 'config: must be object');
        assert.equal(
            problem('{"severity":{"env.mising":"error"}}'),
            'severity["env.mising"]: is not a rule id (they are listed in docs/diff.md)',
        );
        assert.equal(
            problem('{"severity":{"env.missing":"fatal"}}'),
            'severity["env.missing"]: must be one of error, warning, info, off',
        );
        assert.equal(
            problem('{"ignore":[{"facet":"env"},{}]}'),
            'ignore[1]: must name at least one of rule, facet or key',
        );
        assert.equal(
            problem('{"ignore":[{"rule":"nope"}]}'),
            'ignore[0].rule: is not a rule id (they are listed in docs/diff.md)',
        );
        assert.equal(problem('{"requiredEnv":["A B"]}'), 'requiredEnv[0]: must be a variable name (no "=" or spaces)');
        assert.equal(problem('{"requiredEnv":"A"}'), 'requiredEnv: must be array');
        assert.equal(problem('{"colour":"red"}'), 'colour: is not a field Parity knows here');
    });
});
