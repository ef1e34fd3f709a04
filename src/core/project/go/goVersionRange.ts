import { GO_VERSION } from './parseGoMod';

export interface GoRange {
    readonly range: string | null;
    readonly note?: string;
}

/**
 * A pinned Go version (toolchain directive, .go-version, asdf, mise) as an exact version: "go1.22.3" →
 * "1.22.3", "1.22" → "1.22" (the newest 1.22.x — a semver range reads it the same way).
 */
export function goPinRange(text: string): GoRange {
    const version = text.trim().replace(/^go(?=1)/, '');
    if (GO_VERSION.test(version)) {
        return { range: version };
    }
    if (version === 'default') {
        return { range: null, note: '"toolchain default" means the go command that runs' };
    }
    if (version === 'latest' || version === 'system') {
        return { range: null, note: `"${version}" pins no version` };
    }
    return { range: null, note: `"${text.trim()}" is not a Go version` };
}

/** go.mod's `go` line is a minimum: ">=1.22". Before Go 1.21 it was only advisory. */
export function goDirectiveRange(version: string): GoRange {
    const [, minor] = version.split('.').map((part) => Number.parseInt(part, 10));
    const advisory = minor !== undefined && minor < 21;
    return {
        range: `>=${version}`,
        note: advisory
            ? `the go line is the minimum Go version; before Go 1.21 it was advisory, so older toolchains still try to build`
            : `the go line is the minimum Go version; older toolchains refuse the module (or fetch a newer one with GOTOOLCHAIN=auto)`,
    };
}
