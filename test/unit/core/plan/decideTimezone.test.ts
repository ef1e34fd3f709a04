import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseOs } from '../../../../src/core/plan/chooseOs';
import { decideTimezone } from '../../../../src/core/plan/decideTimezone';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import type { TimezoneFacts } from '../../../../src/core/snapshot/Snapshot';
import { ALPINE_320, DEBIAN_12, exampleDir, snapshotFor } from './snapshotFor';

const DEBIAN = chooseOs(DEBIAN_12);
const ALPINE = chooseOs(ALPINE_320);
const zone = (name: string | null, tzVar: string | null = null): TimezoneFacts => ({ name, tzVar, offsetMinutes: 0 });

describe('decideTimezone', () => {
    it('keeps Europe/Berlin as TZ on Debian, whose images carry tzdata, and says TZ names it by design', () => {
        const made = decideTimezone(zone('Europe/Berlin'), DEBIAN);
        assert.equal(made.decision.value, 'Europe/Berlin');
        assert.match(made.decision.why, /tzdata/);
        assert.deepEqual(
            made.byDesign.map((note) => `${note.facet}.${note.key}`),
            ['timezone.tzVar'],
        );
        assert.deepEqual(made.warnings, []);
    });

    it('copies a TZ set here, without a by-design note (it reads the same)', () => {
        const made = decideTimezone(zone('America/New_York', 'America/New_York'), DEBIAN);
        assert.equal(made.decision.value, 'America/New_York');
        assert.match(made.decision.why, /TZ is set to it here/);
        assert.deepEqual(made.byDesign, []);
    });

    it('takes the zone out of TZ=:/usr/share/zoneinfo/…', () => {
        assert.equal(
            decideTimezone(zone('/usr/share/zoneinfo/Asia/Tokyo', ':/usr/share/zoneinfo/Asia/Tokyo'), DEBIAN).decision
                .value,
            'Asia/Tokyo',
        );
    });

    for (const name of ['UTC', 'Etc/UTC']) {
        it(`sets nothing for ${name}: images run in UTC`, () => {
            const made = decideTimezone(zone(name), DEBIAN);
            assert.equal(made.decision.value, null);
            assert.deepEqual(made.byDesign, []);
            assert.deepEqual(made.warnings, []);
        });
    }

    it('copies TZ=UTC when it is set here, so TZ agrees', () => {
        assert.equal(decideTimezone(zone('UTC', 'UTC'), DEBIAN).decision.value, 'UTC');
        assert.equal(decideTimezone(zone('UTC', 'UTC'), ALPINE).decision.value, 'UTC');
    });

    it('leaves an unknown zone in UTC without a warning', () => {
        const made = decideTimezone(zone(null), DEBIAN);
        assert.equal(made.decision.value, null);
        assert.deepEqual(made.warnings, []);
    });

    it('warns instead of setting TZ where the image has no zone data (Alpine)', () => {
        const made = decideTimezone(zone('Europe/Berlin'), ALPINE);
        assert.equal(made.decision.value, null);
        assert.deepEqual(made.byDesign, []);
        assert.match(made.warnings[0] ?? '', /apk add --no-cache tzdata/);
    });

    it('warns about a TZ rule that names no zone', () => {
        const made = decideTimezone(zone('CET-1CEST,M3.5.0,M10.5.0/3', 'CET-1CEST,M3.5.0,M10.5.0/3'), DEBIAN);
        assert.equal(made.decision.value, null);
        assert.equal(made.warnings.length, 1);
    });

    it('an override wins, and reaches the final stage as ENV TZ', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'), {
            installed: { node: '20.20.2' },
            timezone: zone('Europe/Berlin'),
        });
        const plan = planFromSnapshot(snapshot, { projectRoot: '/home/dev/hello-node' });
        assert.match(renderRecipe(plan, { buildkit: true }).dockerfile, /^ENV TZ=Europe\/Berlin$/m);
        const overridden = planFromSnapshot(snapshot, {
            projectRoot: '/home/dev/hello-node',
            overrides: { timezone: null },
        });
        assert.equal(overridden.timezone.value, null);
        assert.match(overridden.timezone.why, /you chose/);
        assert.doesNotMatch(renderRecipe(overridden, { buildkit: true }).dockerfile, /TZ=/);
    });
});
