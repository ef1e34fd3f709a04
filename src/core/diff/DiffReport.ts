import type { Finding, Severity } from '../findings/Finding';
import type { SourceKind } from '../snapshot/Snapshot';
import type { UnknownFacet } from './DiffResult';

/** The version of the report's JSON contract (schemas/diff-report.schema.json); a breaking change bumps it. */
export const DIFF_REPORT_VERSION = 1;

/** What one side of a report was: enough to say which environment, never its facts (those are in the snapshot). */
export interface DiffReportSide {
    /** As the user named it: `host:.`, `image:api:1`, `container:web`, `file:.parity/prod.snapshot.json`. */
    readonly target: string;
    /** The snapshot's own source (a `file:` side says what was captured into the file). */
    readonly kind: SourceKind;
    readonly ref: string;
    /** The engine's immutable id (image sha256, container id), when there is one. */
    readonly id?: string;
    readonly capturedAt: string;
    /** os/arch and distro in a word, e.g. "linux/amd64 debian 12". */
    readonly platform: string;
}

/**
 * Where a difference between `from` and `to` came in, when the built image (`via`) is known too:
 * `recipe` — the image already differs from `from` and `to` has what the image has; `target` — the image is
 * like `from` and only `to` differs; `both` — each step changed it.
 */
export type IntroducedBy = 'recipe' | 'target' | 'both';

export interface ReportFinding extends Finding {
    /** Three-way only: the value in the `via` environment (null when absent there). Never an env value. */
    readonly via?: string | null;
    /** Three-way only: which step introduced the difference. */
    readonly introducedBy?: IntroducedBy;
}

/**
 * The result of one comparison — what `parity diff --format json` prints and every other format renders.
 * Field names and order are a contract (README, schemas/diff-report.schema.json).
 */
export interface DiffReport {
    readonly reportVersion: typeof DIFF_REPORT_VERSION;
    readonly from: DiffReportSide;
    readonly to: DiffReportSide;
    /** Three-way: the image built from the project, between the machine (`from`) and the target (`to`). */
    readonly via?: DiffReportSide;
    readonly findings: readonly ReportFinding[];
    readonly counts: Readonly<Record<Severity, number>>;
    readonly ignored: number;
    readonly unknown: readonly UnknownFacet[];
}
