import type { SourceRef } from '../snapshot/Snapshot';
import type { Finding } from './Finding';

/** Where a finding belongs in the project, for a diagnostic or a click: its first fix's line; none without a fix. */
export function findingLocation(finding: Finding): SourceRef | undefined {
    return finding.fix?.[0]?.at;
}
