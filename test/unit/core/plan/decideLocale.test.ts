import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideLocale } from '../../../../src/core/plan/decideLocale';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { localeFacts } from '../../../../src/core/snapshot/localeFacts';
import { exampleDir, snapshotFor, stagesOf } from './snapshotFor';

describe('decideLocale', () => {
    it('keeps C.UTF-8 as LANG: without it the image runs in C (ASCII)', () => {
        const made = decideLocale(localeFacts({ LANG: 'C.UTF-8' }));
        assert.deepEqual(made.decision.value, { LANG: 'C.UTF-8' });
        assert.match(made.decision.why, /C \(ASCII\)/);
        assert.deepEqual(made.byDesign, []);
        assert.deepEqual(made.warnings, []);
    });

    it("gives en_US.UTF-8 the base image's C.UTF-8 and says by design that the language part differs", () => {
        const made = decideLocale(localeFacts({ LANG: 'en_US.UTF-8' }));
        assert.deepEqual(made.decision.value, { LANG: 'C.UTF-8' });
        assert.match(made.decision.why, /locales package/);
        assert.deepEqual(
            made.decision.alternatives?.map((alternative) => alternative.value),
            [{ LANG: 'en_US.UTF-8' }],
        );
        assert.deepEqual(
            made.byDesign.map((note) => `${note.facet}.${note.key}`),
            ['locale.effective', 'locale.vars.LANG'],
        );
        assert.match(made.byDesign[0]?.reason ?? '', /encoding \(UTF-8\) is the same/);
        assert.deepEqual(made.warnings, []);
    });

    it('sets LC_ALL too when this machine sets it, so the effective locale comes from the same variable', () => {
        const made = decideLocale(localeFacts({ LC_ALL: 'C.utf8', LANG: 'C.utf8' }));
        assert.deepEqual(made.decision.value, { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' });
        // C.utf8 and C.UTF-8 name one locale, but the variables read differently.
        assert.deepEqual(
            made.byDesign.map((note) => note.key),
            ['vars.LANG', 'vars.LC_ALL'],
        );
    });

    for (const [env, notes] of [
        [{ LANG: 'POSIX' }, ['vars.LANG']],
        [{ LANG: 'C' }, ['vars.LANG']],
        [{}, []],
    ] as const) {
        it(`keeps the image's default for ${JSON.stringify(env)}`, () => {
            const made = decideLocale(localeFacts(env));
            assert.deepEqual(made.decision.value, {});
            assert.deepEqual(
                made.byDesign.map((note) => note.key),
                notes,
            );
            assert.deepEqual(made.warnings, []);
        });
    }

    it('warns about a locale that is neither C nor UTF-8 instead of hiding it', () => {
        const made = decideLocale(localeFacts({ LANG: 'de_DE.ISO-8859-1' }));
        assert.deepEqual(made.decision.value, {});
        assert.deepEqual(made.byDesign, []);
        assert.match(made.warnings[0] ?? '', /de_DE\.ISO-8859-1 \(ISO-8859-1\)/);
    });

    it('an override wins and is by design', () => {
        const made = decideLocale(localeFacts({ LANG: 'C.UTF-8' }), 'en_US.UTF-8');
        assert.deepEqual(made.decision.value, { LANG: 'en_US.UTF-8' });
        assert.match(made.decision.why, /you chose/);
        assert.ok(made.byDesign.some((note) => note.key === 'effective'));
        assert.deepEqual(decideLocale(localeFacts({ LANG: 'C.UTF-8' }), null).decision.value, {});
    });

    it('reaches the final stage as ENV, and only there', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-go'), {
            installed: { go: '1.19.8' },
            locale: localeFacts({ LANG: 'C.UTF-8' }),
        });
        const stages = stagesOf(
            renderRecipe(planFromSnapshot(snapshot, { projectRoot: '/home/dev/hello-go' }), { buildkit: true })
                .dockerfile,
        );
        assert.equal(stages.length, 2);
        assert.doesNotMatch(stages[0] ?? '', /LANG/);
        assert.match(stages[1] ?? '', /^ENV LANG=C\.UTF-8$/m);
        const overridden = planFromSnapshot(snapshot, {
            projectRoot: '/home/dev/hello-go',
            overrides: { locale: null },
        });
        assert.doesNotMatch(renderRecipe(overridden, { buildkit: true }).dockerfile, /LANG/);
    });
});
