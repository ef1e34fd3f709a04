export interface JavaRange {
    /** The Java feature release ("21", "8"): Java's versions are compatible within a major, so that is the pin. */
    readonly range: string | null;
    readonly note?: string;
}

/**
 * The major Java version in what build files and version managers write: "21", "21.0.2", "1.8" (Java 8),
 * "VERSION_1_8", SDKMAN! ids ("21.0.2-tem", GraalVM's "22.3.r17-grl"), asdf/mise/jenv names ("temurin-21.0.2+13",
 * "openjdk64-17.0.2", "corretto-17.0.9.8.1").
 */
export function javaMajor(text: string): JavaRange {
    const raw = text.trim();
    const graal = /^\d+(?:\.\d+)*\.r(\d+)-grl$/.exec(raw);
    if (graal?.[1]) {
        return { range: graal[1], note: `GraalVM ${raw.replace(/\.r\d+-grl$/, '')} for Java ${graal[1]}` };
    }
    const version = raw
        .replace(/^JavaVersion\./, '')
        .replace(/^VERSION_/, '')
        .replace(/_/g, '.')
        .replace(/^[A-Za-z][A-Za-z-]*?(?:64)?-(?=\d)/, '');
    const match = /^(\d+)(?:\.(\d+))?/.exec(version);
    if (!match?.[1]) {
        return { range: null, note: `"${raw}" is not a Java version` };
    }
    if (match[1] === '1' && match[2]) {
        return { range: match[2], note: `1.${match[2]} is Java ${match[2]}` };
    }
    return /^\d+(?:\.\d+)*$/.test(raw) ? { range: match[1] } : { range: match[1], note: `${raw} is Java ${match[1]}` };
}
