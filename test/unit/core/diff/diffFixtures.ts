import { diffSnapshots } from '../../../../src/core/diff/diffSnapshots';
import type { DiffProject } from '../../../../src/core/diff/DiffProject';
import type { DiffResult } from '../../../../src/core/diff/DiffResult';
import { DEFAULT_DIFF_RULES, type DiffRules } from '../../../../src/core/diff/DiffRules';
import type { Finding } from '../../../../src/core/findings/Finding';
import type { EnvVarFact, Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { validSnapshot } from '../snapshot/validSnapshot';

/** The host side of most tests: validSnapshot with every facet readable. */
export const host: Snapshot = {
    ...validSnapshot,
    platform: { ...validSnapshot.platform, distro: { id: 'debian', versionId: '12', prettyName: null } },
    limits: { nofile: { soft: 1024, hard: 4096 }, nproc: { soft: 1000, hard: 2000 } },
};

/** The same environment as an image would report it. */
export const image: Snapshot = { ...host, meta: { ...host.meta, source: { kind: 'image', ref: 'app:1' } } };
export const container: Snapshot = { ...host, meta: { ...host.meta, source: { kind: 'container', ref: 'web' } } };

export const env = (sha: string, extra: Partial<EnvVarFact> = {}): EnvVarFact => ({
    sha256: sha.repeat(64).slice(0, 64),
    secret: false,
    source: 'process',
    ...extra,
});

export function diff(
    from: Snapshot,
    to: Snapshot,
    rules: Partial<DiffRules> = {},
    project: DiffProject = {},
): DiffResult {
    return diffSnapshots(from, to, { ...DEFAULT_DIFF_RULES, ...rules }, project);
}

/** The one finding of a rule, failing loudly when there is not exactly one. */
export function only(result: DiffResult, rule: string): Finding {
    const found = result.findings.filter((finding) => finding.rule === rule);
    if (found.length !== 1) {
        throw new Error(`expected one ${rule}, got ${JSON.stringify(result.findings, null, 1)}`);
    }
    return found[0] as Finding;
}
