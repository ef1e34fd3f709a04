import { explain } from '@renovatebot/pep440';
import semver from 'semver';
import type { RuntimeName } from '../snapshot/Snapshot';
import { javaMajor } from '../snapshot/versionSchemes';

export type VersionDelta = 'same' | 'major' | 'minor' | 'patch' | 'unknown';

/**
 * How far apart two versions of one runtime are, read with that runtime's scheme: semver for node and
 * ruby (and Go, whose "go1.22.3" is 1.22.3 — a Go 1.N release is a minor), PEP 440 for python, and Java's
 * feature release as major ("1.8" is 8). A difference only in pre-release or build text is a patch.
 */
export function versionDelta(runtime: RuntimeName, a: string, b: string): VersionDelta {
    if (a === b) {
        return 'same';
    }
    const left = releaseOf(runtime, a);
    const right = releaseOf(runtime, b);
    if (!left || !right) {
        return 'unknown';
    }
    const at = (parts: readonly number[], index: number): number => parts[index] ?? 0;
    if (at(left, 0) !== at(right, 0)) {
        return 'major';
    }
    return at(left, 1) !== at(right, 1) ? 'minor' : 'patch';
}

function releaseOf(runtime: RuntimeName, version: string): readonly number[] | null {
    switch (runtime) {
        case 'python':
            return explain(version)?.release ?? null;
        case 'java': {
            const major = javaMajor(version);
            if (major === null) {
                return null;
            }
            // After the feature release: 17.0.15 → [17, 0, 15]; 1.8.0_392 → [8, 0, 392].
            const rest =
                version
                    .replace(/^\D*1\.(?=\d)/, '')
                    .match(/\d+/g)
                    ?.slice(1)
                    .map(Number) ?? [];
            return [major, ...rest];
        }
        default: {
            const coerced = semver.coerce(version.replace(/^go/, ''));
            return coerced ? [coerced.major, coerced.minor, coerced.patch] : null;
        }
    }
}
