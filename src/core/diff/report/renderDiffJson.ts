import type { FindingFix, ReplicaDrift } from '../../findings/Finding';
import type { UnknownFacet } from '../DiffResult';
import type { DiffReport, DiffReportSide, ReportFinding } from '../DiffReport';

/**
 * `parity diff --format json`: the report as it is (schemas/diff-report.schema.json), 2-space indented with
 * a trailing newline. Each object is rebuilt field by field so the order is the contract's whatever order the
 * caller built it in, and a field the contract does not have can never slip into the output.
 */
export function renderDiffJson(report: DiffReport): string {
    return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}

export function canonicalReport(report: DiffReport): DiffReport {
    return {
        reportVersion: report.reportVersion,
        from: side(report.from),
        to: side(report.to),
        ...(report.via === undefined ? {} : { via: side(report.via) }),
        findings: report.findings.map(finding),
        counts: { error: report.counts.error, warning: report.counts.warning, info: report.counts.info },
        ignored: report.ignored,
        unknown: report.unknown.map(unknown),
    };
}

function side(value: DiffReportSide): DiffReportSide {
    return {
        target: value.target,
        kind: value.kind,
        ref: value.ref,
        ...(value.id === undefined ? {} : { id: value.id }),
        capturedAt: value.capturedAt,
        platform: value.platform,
    };
}

function finding(value: ReportFinding): ReportFinding {
    return {
        facet: value.facet,
        key: value.key,
        severity: value.severity,
        from: value.from,
        to: value.to,
        message: value.message,
        rule: value.rule,
        ...(value.byDesign === undefined ? {} : { byDesign: value.byDesign }),
        ...(value.secret === undefined ? {} : { secret: value.secret }),
        ...(value.via === undefined ? {} : { via: value.via }),
        ...(value.introducedBy === undefined ? {} : { introducedBy: value.introducedBy }),
        ...(value.fix === undefined ? {} : { fix: value.fix.map(fix) }),
        ...(value.drift === undefined ? {} : { drift: drift(value.drift) }),
    };
}

function drift(value: ReplicaDrift): ReplicaDrift {
    return {
        ...(value.side === undefined ? {} : { side: value.side }),
        task: value.task,
        taskId: value.taskId,
        reference: value.reference,
        referenceTaskId: value.referenceTaskId,
        facet: value.facet,
        key: value.key,
        rule: value.rule,
    };
}

function fix(value: FindingFix): FindingFix {
    return {
        description: value.description,
        side: value.side,
        at: { file: value.at.file, line: value.at.line },
        ...(value.replaceLineWith === undefined ? {} : { replaceLineWith: value.replaceLineWith }),
    };
}

function unknown(value: UnknownFacet): UnknownFacet {
    return {
        facet: value.facet,
        ...(value.key === undefined ? {} : { key: value.key }),
        side: value.side,
        why: value.why,
    };
}
