import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    NEWEST_NODE_MAJOR,
    NODE_LTS_CODENAMES,
    NODE_VERSION_TABLE_DATE,
    resolveNodeVersion,
} from '../../../../../src/core/project/node/nodeVersionAliases';

describe('resolveNodeVersion', () => {
    it('knows every LTS codename from argon (4) to lithium (26)', () => {
        assert.deepEqual(Object.entries(NODE_LTS_CODENAMES), [
            ['argon', 4],
            ['boron', 6],
            ['carbon', 8],
            ['dubnium', 10],
            ['erbium', 12],
            ['fermium', 14],
            ['gallium', 16],
            ['hydrogen', 18],
            ['iron', 20],
            ['jod', 22],
            ['krypton', 24],
            ['lithium', 26],
        ]);
        assert.equal(NEWEST_NODE_MAJOR, 26);
        assert.equal(NODE_VERSION_TABLE_DATE, '2026-11-28');
    });

    it('resolves lts/<codename> and asdf-style lts-<codename>, any case', () => {
        assert.deepEqual(resolveNodeVersion('lts/iron'), { range: '20.x', note: '"lts/iron" is Node 20 (Iron LTS).' });
        assert.deepEqual(resolveNodeVersion('lts/hydrogen'), {
            range: '18.x',
            note: '"lts/hydrogen" is Node 18 (Hydrogen LTS).',
        });
        assert.equal(resolveNodeVersion('lts/argon').range, '4.x');
        assert.equal(resolveNodeVersion('lts/Jod').range, '22.x');
        assert.equal(resolveNodeVersion('lts/krypton').range, '24.x');
        assert.equal(resolveNodeVersion('lts-gallium').range, '16.x');
    });

    it('resolves lts/*, lts and lts/-N against the table', () => {
        assert.deepEqual(resolveNodeVersion('lts/*'), {
            range: '26.x',
            note: '"lts/*" means the newest LTS line: Node 26 (Lithium) as of 2026-11-28.',
        });
        assert.equal(resolveNodeVersion('lts').range, '26.x');
        assert.equal(resolveNodeVersion('lts/-1').range, '24.x');
        assert.equal(resolveNodeVersion('lts/-3').range, '20.x');
        assert.equal(resolveNodeVersion('lts/-40').range, null);
        assert.match(resolveNodeVersion('lts/-40').problem ?? '', /further than the 12 LTS lines/);
    });

    it('resolves node, stable, latest and current to the newest major', () => {
        for (const alias of ['node', 'stable', 'latest', 'current']) {
            assert.deepEqual(resolveNodeVersion(alias), {
                range: '26.x',
                note: `"${alias}" means the newest Node.js release: Node 26 as of 2026-11-28.`,
            });
        }
    });

    it('reads versions with and without v, and partial versions as ranges', () => {
        assert.deepEqual(resolveNodeVersion('v20.11.1'), { range: '20.11.1' });
        assert.deepEqual(resolveNodeVersion('20.11.1'), { range: '20.11.1' });
        assert.deepEqual(resolveNodeVersion('20'), { range: '20.x' });
        assert.deepEqual(resolveNodeVersion('v20'), { range: '20.x' });
        assert.deepEqual(resolveNodeVersion('20.11'), { range: '20.11.x' });
        assert.deepEqual(resolveNodeVersion('  22.3.0 '), { range: '22.3.0' });
        assert.deepEqual(resolveNodeVersion('>=20 <23'), { range: '>=20 <23' });
        assert.deepEqual(resolveNodeVersion('20.x'), { range: '20.x' });
    });

    it('gives system and iojs no range and says why, without calling them problems', () => {
        const system = resolveNodeVersion('system');
        assert.equal(system.range, null);
        assert.match(system.note ?? '', /installed/);
        assert.equal(system.problem, undefined);
        const iojs = resolveNodeVersion('iojs');
        assert.equal(iojs.range, null);
        assert.match(iojs.note ?? '', /io\.js merged back/);
        assert.equal(iojs.problem, undefined);
    });

    it('reports unknown aliases, codenames and nonsense as problems', () => {
        const alias = resolveNodeVersion('my-team-node');
        assert.equal(alias.range, null);
        assert.match(alias.problem ?? '', /not an alias Parity knows/);
        const codename = resolveNodeVersion('lts/zinc');
        assert.equal(codename.range, null);
        assert.match(codename.problem ?? '', /LTS codename Parity does not know.*argon, boron/);
        const junk = resolveNodeVersion('>=20 <<22');
        assert.equal(junk.range, null);
        assert.match(junk.problem ?? '', /not a Node\.js version, alias or semver range/);
    });
});
