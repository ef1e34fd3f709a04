import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffByDesign } from '../../../../../src/core/diff/diffByDesign';
import type { DiffReport } from '../../../../../src/core/diff/DiffReport';
import { diffSnapshots } from '../../../../../src/core/diff/diffSnapshots';
import { mergeDiffRules } from '../../../../../src/core/diff/mergeDiffRules';
import { planFromSnapshot } from '../../../../../src/core/plan/planFromSnapshot';
import type { Snapshot } from '../../../../../src/core/snapshot/Snapshot';
import { reportOf } from './reportFixtures';

const fixtures = join(__dirname, '..', '..', '..', '..', 'fixtures', 'diff');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

/**
 * Real snapshots: this machine, and the image Package App built from an example with the Dockerfile it wrote
 * (test/fixtures/diff/agree-*). Env entries in them are keyed hashes only. 811 info findings, 792 of them by design.
 */
export const agreeHost = JSON.parse(read('agree-host.snapshot.json')) as Snapshot;
export const agreeImage = JSON.parse(read('agree-image.snapshot.json')) as Snapshot;

/** The report `parity diff` makes for the pair, the image optionally changed (planted drift). */
export function agreeReport(image: Snapshot = agreeImage): DiffReport {
    const plan = planFromSnapshot(agreeHost, { projectRoot: agreeHost.meta.projectRoot ?? '.' });
    const result = diffSnapshots(agreeHost, image, mergeDiffRules({ byDesign: diffByDesign(plan.byDesign) }), {
        dockerfile: { file: 'Dockerfile', text: read('agree.Dockerfile') },
        baseImage: plan.base.image,
    });
    return reportOf(result, agreeHost, image);
}
