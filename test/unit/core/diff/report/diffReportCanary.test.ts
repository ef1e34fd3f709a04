import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIFF_FORMATS, renderDiffReport } from '../../../../../src/core/diff/report/renderDiffReport';
import { EnvHashKey } from '../../../../../src/core/snapshot/EnvHashKey';
import { hashEnvValue } from '../../../../../src/core/snapshot/hashEnvValue';
import type { EnvVarFact, Snapshot } from '../../../../../src/core/snapshot/Snapshot';
import { diff, host, image } from '../diffFixtures';
import { reportOf } from './reportFixtures';

const CANARY = 'canary-5f3a9c1e-do-not-print';

describe('no format prints an env value or its hash', () => {
    it('a report from real snapshots whose env values hold a canary leaks neither the canary nor a hash', () => {
        const key = EnvHashKey.generate();
        const fact = (name: string, value: string, secret = false): EnvVarFact => ({
            sha256: hashEnvValue(key, name, value),
            secret,
            source: 'process',
        });
        const withEnv = (snapshot: Snapshot, env: Record<string, EnvVarFact>): Snapshot => ({
            ...snapshot,
            meta: { ...snapshot.meta, envKey: key.id },
            env,
        });
        const from = withEnv(host, {
            API_TOKEN: fact('API_TOKEN', `${CANARY}-token`, true),
            DATABASE_URL: fact('DATABASE_URL', `postgres://u:${CANARY}@db/app`, true),
            GREETING: fact('GREETING', CANARY),
            ONLY_HERE: fact('ONLY_HERE', CANARY),
            SAME: fact('SAME', CANARY),
        });
        const to = withEnv(image, {
            API_TOKEN: fact('API_TOKEN', `${CANARY}-other`, true),
            GREETING: fact('GREETING', `${CANARY}!`),
            ONLY_THERE: fact('ONLY_THERE', CANARY),
            SAME: fact('SAME', CANARY),
        });
        const result = diff(
            from,
            to,
            {},
            { dockerfile: { file: 'Dockerfile', text: `FROM node:20\nENV GREETING=placeholder\n` } },
        );
        assert.ok(
            result.findings.filter((finding) => finding.facet === 'env').length >= 4,
            JSON.stringify(result.findings),
        );
        const hashes = [...Object.values(from.env), ...Object.values(to.env)].map((env) => env.sha256);
        for (const format of DIFF_FORMATS) {
            const output = renderDiffReport(reportOf(result, from, to), format);
            assert.ok(output.includes('API_TOKEN') || output.includes('API&#95;TOKEN'), `${format} names the variable`);
            assert.ok(!output.includes(CANARY), `${format} printed the canary`);
            assert.ok(!/[0-9a-f]{64}/iu.test(output), `${format} printed a 64-hex hash`);
            assert.ok(!/[A-Za-z0-9+/]{43}=/u.test(output), `${format} printed something like a base64 digest`);
            for (const hash of hashes) {
                assert.ok(!output.includes(hash.slice(0, 16)), `${format} printed part of a hash`);
            }
            assert.ok(!output.includes(key.revealHex().slice(0, 16)), `${format} printed the key`);
        }
    });
});
