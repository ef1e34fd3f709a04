/**
 * Poetry's constraint syntax in PEP 440 form: "^3.11" → ">=3.11,<4.0", "~3.11" → ">=3.11,<3.12",
 * "3.11" → "==3.11.*" (Poetry reads a bare python version as that release series), ">=3.10 <3.13" →
 * ">=3.10,<3.13". Returns null for what PEP 440 cannot say in one specifier set ("||" alternatives) or for
 * text that is not a constraint; the caller validates the result.
 */
export function poetryToPep440(constraint: string): string | null {
    // One operator character before the spaces is enough to match: `[…]+\s+` would backtrack quadratically on a long run of operators.
    const text = constraint.trim().replace(/([<>=!~^])\s+/g, '$1');
    if (text === '' || text === '*' || text.includes('|')) {
        return null;
    }
    const parts = text.split(/\s*,\s*|\s+/).filter((part) => part !== '');
    const converted: string[] = [];
    for (const part of parts) {
        const one = convertOne(part);
        if (one === null) {
            return null;
        }
        converted.push(one);
    }
    return converted.join(',');
}

function convertOne(part: string): string | null {
    const caret = /^\^(\d+(?:\.\d+)*)$/.exec(part);
    if (caret?.[1]) {
        const release = caret[1].split('.').map(Number);
        const firstNonZero = release.findIndex((value) => value !== 0);
        return `>=${caret[1]},<${bump(release, firstNonZero === -1 ? release.length - 1 : firstNonZero)}`;
    }
    const tilde = /^~(\d+(?:\.\d+)*)$/.exec(part);
    if (tilde?.[1]) {
        const release = tilde[1].split('.').map(Number);
        return `>=${tilde[1]},<${bump(release, release.length === 1 ? 0 : 1)}`;
    }
    const bare = /^=?(\d+(?:\.\d+)*)(\.\*)?$/.exec(part);
    if (bare?.[1]) {
        const release = bare[1].split('.');
        return release.length >= 3 && !bare[2] ? `==${bare[1]}` : `==${bare[1]}.*`;
    }
    if (/^(?:===|==|!=|>=|<=|~=|>|<)\S+$/.test(part)) {
        return part;
    }
    return null;
}

/** The release with component `index` raised by one and the later ones zeroed, as long as the original. */
function bump(release: readonly number[], index: number): string {
    return release.map((value, position) => (position < index ? value : position === index ? value + 1 : 0)).join('.');
}
