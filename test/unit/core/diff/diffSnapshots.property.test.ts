// Any two valid snapshots — however huge or odd their values — diff without throwing, the same way every
// time, and a snapshot diffed with itself has nothing to report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { diffSnapshots } from '../../../../src/core/diff/diffSnapshots';
import { DEFAULT_DIFF_RULES } from '../../../../src/core/diff/DiffRules';
import { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { arbitraryOfSchema } from '../snapshot/arbitraryOfSchema';

const RUNS = { numRuns: 300, seed: 20261204 };
const snapshots = arbitraryOfSchema(Snapshot as unknown as Readonly<Record<string, unknown>>) as fc.Arbitrary<Snapshot>;
const DOCKERFILE = {
    dockerfile: {
        file: 'Dockerfile',
        text: 'FROM node:20 AS a\nENV LANG=C TZ=UTC\nUSER 1000\nEXPOSE 3000\nFROM python:3.12\nENV TZ=UTC\n',
    },
};

describe('diffSnapshots on any valid snapshots', () => {
    it('never throws and is deterministic', () => {
        fc.assert(
            fc.property(snapshots, snapshots, (a, b) => {
                const first = diffSnapshots(a, b, DEFAULT_DIFF_RULES, DOCKERFILE);
                assert.deepEqual(
                    diffSnapshots(structuredClone(a), structuredClone(b), DEFAULT_DIFF_RULES, DOCKERFILE),
                    first,
                );
                for (const finding of first.findings) {
                    assert.ok(finding.message.length > 0 && finding.rule.length > 0);
                }
            }),
            RUNS,
        );
    });

    it('a snapshot diffed with itself has zero findings', () => {
        fc.assert(
            fc.property(snapshots, (a) => {
                assert.deepEqual(diffSnapshots(a, structuredClone(a), DEFAULT_DIFF_RULES, DOCKERFILE).findings, []);
            }),
            RUNS,
        );
    });
});
