/**
 * A port as a person types it: 1–65535, or "none" for an app that listens on no port (a worker).
 * Undefined when it is neither — the caller says so in its own words.
 */
export function parsePort(text: string): number | null | undefined {
    const trimmed = text.trim().toLowerCase();
    if (trimmed === 'none') {
        return null;
    }
    const value = /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    return value >= 1 && value <= 65535 ? value : undefined;
}
