import type { Severity } from '../findings/Finding';
import type { PlatformFacts, Snapshot } from '../snapshot/Snapshot';
import { DIFF_REPORT_VERSION, type DiffReport, type DiffReportSide, type ReportFinding } from './DiffReport';
import type { UnknownFacet } from './DiffResult';
import { type DiffTarget, formatDiffTarget } from './DiffTarget';

/** One side of a comparison: the target as the user named it and what was captured there. */
export interface ReportSideInput {
    readonly target: DiffTarget;
    readonly snapshot: Snapshot;
}

/** A DiffResult, or a three-way one whose findings carry `via` and `introducedBy`. */
export interface ReportResultInput {
    readonly findings: readonly ReportFinding[];
    readonly ignored: number;
    readonly unknown: readonly UnknownFacet[];
}

/**
 * The report every output renders, from a diff's result and its sides. Pure: the sides say which
 * environments were compared (target, source, platform), never their facts — those stay in the snapshots.
 */
export function toDiffReport(
    result: ReportResultInput,
    sides: { readonly from: ReportSideInput; readonly to: ReportSideInput; readonly via?: ReportSideInput },
): DiffReport {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const finding of result.findings) {
        counts[finding.severity] += 1;
    }
    return {
        reportVersion: DIFF_REPORT_VERSION,
        from: reportSide(sides.from),
        to: reportSide(sides.to),
        ...(sides.via ? { via: reportSide(sides.via) } : {}),
        findings: result.findings,
        counts,
        ignored: result.ignored,
        unknown: result.unknown,
    };
}

function reportSide({ target, snapshot }: ReportSideInput): DiffReportSide {
    const { source, capturedAt } = snapshot.meta;
    return {
        target: formatDiffTarget(target),
        kind: source.kind,
        ref: source.ref,
        ...(source.id === undefined ? {} : { id: source.id }),
        capturedAt,
        platform: platformWord(snapshot.platform),
    };
}

/** "linux/amd64 debian 12", "darwin/arm64", "linux/arm64 alpine 3.20". */
export function platformWord(platform: PlatformFacts): string {
    const distro = platform.distro
        ? [platform.distro.id, platform.distro.versionId].filter((part) => part !== null && part !== '').join(' ')
        : '';
    return `${platform.os}/${platform.arch}${distro === '' ? '' : ` ${distro}`}`;
}
