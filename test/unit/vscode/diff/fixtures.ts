import type { DiffReport, ReportFinding } from '../../../../src/core/diff/DiffReport';

/** Findings as the diff sorts them (severity first), across three facets, one with two fixes. */
export const FINDINGS: readonly ReportFinding[] = [
    {
        facet: 'runtimes',
        key: 'node',
        severity: 'error',
        from: '20.11.1',
        to: '22.3.0',
        rule: 'runtime.major',
        message: 'node 20.11.1 runs on the from side, node 22.3.0 on the to side — a major version apart.',
        fix: [
            { description: 'Pin .nvmrc to 22.', side: 'from', at: { file: '.nvmrc', line: 1 }, replaceLineWith: '22' },
            {
                description: 'Pin the image to node 20.11.1.',
                side: 'to',
                at: { file: 'Dockerfile', line: 4 },
                replaceLineWith: 'FROM node:20.11.1-bookworm-slim',
            },
        ],
    },
    {
        facet: 'locale',
        key: 'effective',
        severity: 'warning',
        from: 'C.UTF-8',
        to: 'C',
        rule: 'locale.effective',
        message: 'The locale differs.',
    },
    {
        facet: 'env',
        key: 'API_TOKEN',
        severity: 'warning',
        from: 'set',
        to: 'another value',
        rule: 'env.value',
        secret: true,
        message: 'API_TOKEN has another value.',
        fix: [{ description: 'Set it in .env.', side: 'to', at: { file: '.env', line: 3 } }],
    },
    {
        facet: 'runtimes',
        key: 'python',
        severity: 'info',
        from: '3.12.1',
        to: '3.12.2',
        rule: 'runtime.patch',
        message: 'python differs by a patch.',
    },
    {
        facet: 'user',
        key: 'root',
        severity: 'info',
        from: 'root',
        to: 'uid 1000',
        rule: 'user.root',
        message: 'The app runs as root on one side only.',
        byDesign: 'the plan runs the app as a non-root user',
    },
];

export const REPORT: DiffReport = {
    reportVersion: 1,
    from: {
        target: 'host:.',
        kind: 'host',
        ref: 'laptop',
        capturedAt: '2026-01-01T00:00:00Z',
        platform: 'linux/amd64 debian 12',
    },
    to: {
        target: 'image:app:1',
        kind: 'image',
        ref: 'app:1',
        capturedAt: '2026-01-01T00:00:00Z',
        platform: 'linux/amd64 debian 12',
    },
    findings: FINDINGS,
    counts: { error: 1, warning: 2, info: 2 },
    ignored: 3,
    unknown: [{ facet: 'limits', key: 'nproc', side: 'to', why: 'the nproc limit could not be read' }],
};
