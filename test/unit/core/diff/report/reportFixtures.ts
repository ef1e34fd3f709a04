import type { DiffReport, DiffReportSide, ReportFinding } from '../../../../../src/core/diff/DiffReport';
import type { DiffResult } from '../../../../../src/core/diff/DiffResult';
import type { Severity } from '../../../../../src/core/findings/Finding';
import type { Snapshot } from '../../../../../src/core/snapshot/Snapshot';

export const hostSide: DiffReportSide = {
    target: 'host:.',
    kind: 'host',
    ref: '.',
    capturedAt: '2025-01-02T03:04:05.000Z',
    platform: 'linux/amd64 debian 12',
};
export const imageSide: DiffReportSide = {
    target: 'image:app:1',
    kind: 'image',
    ref: 'app:1',
    id: 'sha256:0123',
    capturedAt: '2025-01-02T03:04:06.000Z',
    platform: 'linux/amd64 debian 12',
};
export const targetSide: DiffReportSide = {
    target: 'container:web',
    kind: 'container',
    ref: 'web',
    capturedAt: '2025-01-02T03:04:07.000Z',
    platform: 'linux/amd64 alpine 3.20',
};

/** Values a hostile image or project could hold: table pipes, code fences, HTML, a line break, a bidi override. */
export const HOSTILE = 'a|b `c` <img src=x onerror=alert(1)> *d* [e](http://x)\nerror   fake: x → y \u202eevil';

export function counts(findings: readonly ReportFinding[]): Record<Severity, number> {
    return {
        error: findings.filter((finding) => finding.severity === 'error').length,
        warning: findings.filter((finding) => finding.severity === 'warning').length,
        info: findings.filter((finding) => finding.severity === 'info').length,
    };
}

const findings: readonly ReportFinding[] = [
    {
        facet: 'runtimes',
        key: 'node',
        severity: 'error',
        from: '20.11.1',
        to: '22.3.0',
        rule: 'runtime.major',
        message: 'node 20.11.1 runs on the from side, node 22.3.0 on the to side — a major version apart.',
        fix: [
            {
                description: 'Switch the from side to node 22.3.0 and pin .nvmrc to it.',
                side: 'from',
                at: { file: '.nvmrc', line: 1 },
                replaceLineWith: '22',
            },
            {
                description: 'Pin the image to node 20.11.1.',
                side: 'to',
                at: { file: 'Dockerfile', line: 4 },
                replaceLineWith: 'FROM node:20.11.1-bookworm-slim',
            },
        ],
    },
    {
        facet: 'platform',
        key: 'libc',
        severity: 'error',
        from: 'glibc',
        to: 'musl',
        rule: 'platform.libc-family',
        message: 'glibc on the from side, musl on the to side.',
    },
    {
        facet: 'env',
        key: 'API_TOKEN',
        severity: 'warning',
        from: 'set',
        to: 'another value',
        rule: 'env.value',
        secret: true,
        message: 'API_TOKEN is set on both sides with another value.',
        fix: [
            {
                description: 'API_TOKEN is declared at .env:3; set it to the same value on both sides.',
                side: 'to',
                at: { file: '.env', line: 3 },
            },
        ],
    },
    {
        facet: 'locale',
        key: 'LANG',
        severity: 'warning',
        from: 'C.UTF-8',
        to: 'C',
        rule: 'locale.effective',
        message: 'The locale differs.',
    },
    {
        facet: 'packages',
        key: HOSTILE,
        severity: 'info',
        from: HOSTILE,
        to: null,
        rule: 'packages.removed',
        message: `${HOSTILE} is installed on the from side only.`,
    },
    {
        facet: 'user',
        key: 'uid',
        severity: 'info',
        from: '1000',
        to: '10001',
        rule: 'user.uid',
        byDesign: 'The packaged image runs as a non-root user on purpose.',
        message: 'The app runs under another uid.',
        fix: [
            {
                description: `Change the USER line (${HOSTILE}).`,
                side: 'to',
                at: { file: 'dir with space/Dockerfile', line: 9 },
                replaceLineWith: `USER ${HOSTILE}`,
            },
        ],
    },
];

/** Two-way: errors, warnings, info, fixes with and without replacement lines, no-fix findings, a secret, by design, hostile text, unknowns. */
export const richReport: DiffReport = {
    reportVersion: 1,
    from: hostSide,
    to: imageSide,
    findings,
    counts: counts(findings),
    ignored: 2,
    unknown: [
        { facet: 'limits', key: 'nproc', side: 'to', why: 'the nproc limit could not be read' },
        {
            facet: 'env',
            side: 'both',
            why: 'the snapshots hash values with different keys, so only presence is compared',
        },
    ],
};

const threeWayFindings: readonly ReportFinding[] = [
    {
        facet: 'locale',
        key: 'LANG',
        severity: 'warning',
        from: 'C.UTF-8',
        to: 'C',
        via: 'C',
        introducedBy: 'recipe',
        rule: 'locale.effective',
        message: 'The locale differs.',
        fix: [
            {
                description: 'Set ENV LANG=C.UTF-8 in the Dockerfile.',
                side: 'to',
                at: { file: 'Dockerfile', line: 2 },
                replaceLineWith: 'ENV LANG=C.UTF-8',
            },
        ],
    },
    {
        facet: 'timezone',
        key: 'TZ',
        severity: 'warning',
        from: 'Europe/Paris',
        to: 'UTC',
        via: 'Europe/Paris',
        introducedBy: 'target',
        rule: 'timezone.name',
        message: 'The time zone differs.',
    },
    {
        facet: 'env',
        key: 'DEBUG',
        severity: 'info',
        from: 'set',
        to: null,
        via: null,
        introducedBy: 'both',
        rule: 'env.added',
        message: 'DEBUG is set on the from side only.',
    },
];

/** Host ↔ built image ↔ target. */
export const threeWayReport: DiffReport = {
    reportVersion: 1,
    from: hostSide,
    via: imageSide,
    to: targetSide,
    findings: threeWayFindings,
    counts: counts(threeWayFindings),
    ignored: 0,
    unknown: [],
};

export const emptyReport: DiffReport = {
    reportVersion: 1,
    from: hostSide,
    to: imageSide,
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    ignored: 0,
    unknown: [],
};

const describeSide = (snapshot: Snapshot, target: string): DiffReportSide => ({
    target,
    kind: snapshot.meta.source.kind,
    ref: snapshot.meta.source.ref,
    capturedAt: snapshot.meta.capturedAt,
    platform: `${snapshot.platform.os}/${snapshot.platform.arch}`,
});

/** A report around a real diffSnapshots result — what the pipeline's toDiffReport makes, in a few lines. */
export function reportOf(result: DiffResult, from: Snapshot, to: Snapshot): DiffReport {
    return {
        reportVersion: 1,
        from: describeSide(from, 'host:.'),
        to: describeSide(to, `image:${to.meta.source.ref}`),
        findings: result.findings,
        counts: counts(result.findings),
        ignored: result.ignored,
        unknown: result.unknown,
    };
}
