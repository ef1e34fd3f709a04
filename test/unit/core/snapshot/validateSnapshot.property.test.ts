// A snapshot file is hostile input: whatever JSON it holds, validation either accepts a real snapshot or
// throws SnapshotValidationError naming where the problem is — never a TypeError or anything else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { SnapshotValidationError } from '../../../../src/core/snapshot/SnapshotValidationError';
import { validateSnapshot } from '../../../../src/core/snapshot/validateSnapshot';
import { arbitraryOfSchema } from './arbitraryOfSchema';
import { validSnapshot } from './validSnapshot';

const RUNS = { numRuns: 2000, seed: 20261128 };
const snapshots = arbitraryOfSchema(Snapshot as unknown as Readonly<Record<string, unknown>>);

/** Only SnapshotValidationError, with at least one problem, each with a path and a message. */
function rejectsClearly(value: unknown): SnapshotValidationError | null {
    try {
        validateSnapshot(value);
        return null;
    } catch (error) {
        assert.ok(error instanceof SnapshotValidationError, `threw ${String(error)}`);
        assert.ok(error.problems.length > 0);
        for (const problem of error.problems) {
            assert.match(problem.path, /^\S/);
            assert.match(problem.message, /^\S/);
        }
        return error;
    }
}

/** A copy of `value` with the part at `path` (keys and array indexes) replaced. */
function setAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
    if (path.length === 0) {
        return replacement;
    }
    const [head, ...rest] = path as [string | number, ...(string | number)[]];
    const copy = (
        Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }
    ) as Record<string | number, unknown>;
    copy[head] = setAt(copy[head], rest, replacement);
    return copy;
}

function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
    const here = [[...prefix]];
    if (Array.isArray(value)) {
        return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
    }
    if (typeof value === 'object' && value !== null) {
        return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
    }
    return here;
}

describe('validateSnapshot (property-based)', () => {
    it('arbitrary JSON never throws anything but the validation error with a path', () => {
        fc.assert(
            fc.property(fc.jsonValue(), (value) => {
                rejectsClearly(value);
            }),
            RUNS,
        );
    });

    it('snapshots drawn from the schema pass, and come back unchanged', () => {
        fc.assert(
            fc.property(snapshots, (snapshot) => {
                assert.equal(rejectsClearly(snapshot), null);
                assert.equal(validateSnapshot(snapshot), snapshot);
            }),
            RUNS,
        );
    });

    it('a valid snapshot with any one part replaced by arbitrary JSON is accepted or rejected at that part', () => {
        const paths = pathsOf(validSnapshot).filter((path) => path.length > 0);
        fc.assert(
            fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, replacement) => {
                const error = rejectsClearly(setAt(validSnapshot, path, replacement));
                if (error) {
                    const top = String(path[0]);
                    assert.ok(
                        error.problems.some(
                            (problem) =>
                                problem.path === top ||
                                problem.path.startsWith(`${top}.`) ||
                                problem.path.startsWith(`${top}[`),
                        ),
                        `${path.join('/')}: ${error.message}`,
                    );
                }
            }),
            RUNS,
        );
    });
});
