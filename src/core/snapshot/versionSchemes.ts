import { satisfies as pep440Satisfies, validRange as pep440ValidRange } from '@renovatebot/pep440';
import semver from 'semver';
import type { RuntimeName } from './Snapshot';

/** How one runtime's versions are compared against its declared ranges. */
export interface VersionScheme {
    /** True/false when the version can be judged against the range; null when either cannot be read. */
    satisfies(version: string, range: string): boolean | null;
    /** Versions worth trying when asking whether two ranges can both hold (their own bounds). */
    candidates(range: string): string[];
}

/** Node, Go and Ruby versions read as semver once coerced (go1.22 → 1.22.0); ranges are semver ranges. */
const semverScheme: VersionScheme = {
    satisfies(version, range) {
        const coerced = semver.coerce(version.replace(/^go/, ''), { includePrerelease: false });
        if (!coerced || semver.validRange(range) === null) {
            return null;
        }
        return semver.satisfies(coerced, range, { includePrerelease: true });
    },
    candidates: (range) => versionLiterals(range).map((literal) => semver.coerce(literal)?.version ?? literal),
};

/** Python: PEP 440 versions and specifier sets. */
const pep440Scheme: VersionScheme = {
    satisfies(version, range) {
        if (!pep440ValidRange(range)) {
            return null;
        }
        try {
            return pep440Satisfies(version, range);
        } catch {
            return null;
        }
    },
    candidates: (range) => versionLiterals(range),
};

/** Java: the feature release (major) is what matters; "1.8" means 8. */
const javaScheme: VersionScheme = {
    satisfies(version, range) {
        const have = javaMajor(version);
        const want = javaMajor(range);
        return have === null || want === null ? null : have === want;
    },
    candidates: (range) => versionLiterals(range),
};

export const VERSION_SCHEMES: Readonly<Record<RuntimeName, VersionScheme>> = {
    node: semverScheme,
    go: semverScheme,
    ruby: semverScheme,
    python: pep440Scheme,
    java: javaScheme,
};

export function javaMajor(version: string): number | null {
    const match = /(\d+)(?:\.(\d+))?/.exec(version);
    if (!match?.[1]) {
        return null;
    }
    const first = Number(match[1]);
    return first === 1 && match[2] ? Number(match[2]) : first;
}

/** The version numbers written in a range, e.g. ">=3.10,<3.13" → ["3.10", "3.13"]. */
function versionLiterals(range: string): string[] {
    return [...range.matchAll(/\d+(?:\.\d+)*/g)].map((match) => match[0]);
}
