// What a probe prints comes from inside an image or container someone else built: hostile input. Whatever it
// prints, the parser returns facts, and the snapshot made of them is valid against the schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseProbeOutput } from '../../../../src/core/probe/parseProbeOutput';
import { snapshotFromProbe } from '../../../../src/core/probe/snapshotFromProbe';
import { SnapshotValidationError } from '../../../../src/core/snapshot/SnapshotValidationError';
import { validateSnapshot } from '../../../../src/core/snapshot/validateSnapshot';

const RUNS = { numRuns: 2000, seed: 20261128 };
const KINDS = [
    'os-release',
    'uname',
    'libc',
    'runtime',
    'pm',
    'pkgdb',
    'pkg',
    'env',
    'locale-var',
    'locale-charmap',
    'tz-var',
    'tz-file',
    'tz-localtime',
    'tz-offset',
    'user',
    'umask',
    'limit',
    'cpus',
    'meminfo',
    'cgroup',
    'ca-setting',
    'ca-file',
    'ca-pem',
    'ca-missing',
    'ca-too-big',
    'cwd',
    'fs-case',
    'end',
    'other',
];

/** Field values near what the parser looks for — numbers of every size, signs, names it knows — and noise. */
const field = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(
        '',
        '0',
        '-1',
        '+0',
        '1.5',
        '1e400',
        'unlimited',
        'max',
        'nofile',
        'nproc',
        'node',
        'python',
        'npm',
        'dpkg',
        'apk',
        'glibc',
        'musl',
        'none',
        'sensitive',
        'ii ',
        'package.json',
        'dist-info',
        'v20.1.0',
        'Python 3.12.1',
        '/sys/fs/cgroup/memory.max',
        '/sys/fs/cgroup/cpu.max',
        'max 100000',
        'MemTotal:  99999999999999999999 kB',
        '+0530',
        '-9999',
        'UTC',
        '%41%09%0A',
        '%zz',
        '99999999999999999999',
        '4294967296',
        '-----BEGIN CERTIFICATE-----',
    ),
    fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
    fc.constantFrom('x', '1.', 'a%09').map((piece) => piece.repeat(5000)),
);
const record = fc
    .tuple(fc.constantFrom(...KINDS), fc.array(field, { maxLength: 5 }))
    .map(([kind, fields]) => [kind, ...fields].join('\t'));
const probeOutput = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
        .tuple(
            fc.constantFrom('parity-probe\t1', 'parity-probe\t2', 'parity-probe'),
            fc.array(record, { maxLength: 30 }),
            fc.boolean(),
        )
        .map(([header, records, ended]) => `${[header, ...records].join('\n')}\n${ended ? 'end\n' : ''}`),
);

describe('parseProbeOutput (property-based)', () => {
    it('arbitrary output never throws, and the snapshot made of it validates against the schema', () => {
        fc.assert(
            fc.property(probeOutput, fc.constantFrom('image' as const, 'container' as const), (text, kind) => {
                const facts = parseProbeOutput(text, kind);
                const snapshot = snapshotFromProbe(
                    facts,
                    {
                        kind,
                        ref: 'x',
                        toolVersion: '0.1.0',
                        capturedAt: new Date(0),
                        durationMs: 1,
                        envKey: '0123456789abcdef',
                    },
                    null,
                );
                try {
                    validateSnapshot(snapshot);
                } catch (error) {
                    assert.fail(error instanceof SnapshotValidationError ? error.message : String(error));
                }
            }),
            RUNS,
        );
    });
});
