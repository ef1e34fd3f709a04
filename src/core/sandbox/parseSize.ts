const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * A size as `docker run --memory` reads it — a number of bytes, or with a binary unit: `512m`, `1g`,
 * `1.5G`, `512MiB`, `256mb` — in bytes; null when it is not one.
 */
export function parseSize(text: string): number | null {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)(?:i?b)?\s*$/i.exec(text);
    if (!match?.[1]) {
        return null;
    }
    const factor = UNITS[(match[2] ?? '').toLowerCase()];
    if (factor === undefined) {
        return null;
    }
    const bytes = Math.round(Number(match[1]) * factor);
    return Number.isFinite(bytes) && bytes > 0 ? bytes : null;
}

/** Bytes as whole MiB when they are ("512 MiB"), else with one decimal. */
export function formatMiB(bytes: number): string {
    const mib = bytes / 1024 / 1024;
    return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
