/** The keys of a .env-style file with their 1-based lines (`KEY=…`, `export KEY=…`); values are not read. */
export function envFileKeys(text: string): Map<string, number> {
    const keys = new Map<string, number>();
    for (const [index, line] of text.split(/\r?\n/).entries()) {
        const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/.exec(line);
        if (match?.[1] && !keys.has(match[1])) {
            keys.set(match[1], index + 1);
        }
    }
    return keys;
}
