export interface Pep508 {
    readonly name: string;
    readonly extras: readonly string[];
    /** The version specifier ("" when absent or when the requirement is a URL). */
    readonly specifier: string;
    readonly url: string | null;
}

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/;

/** A PEP 508 dependency string ("flask[async]>=3.0; python_version >= '3.10'"), or null when it is not one. */
export function parsePep508(text: string): Pep508 | null {
    const match = REQUIREMENT.exec(text.trim());
    if (!match?.[1]) {
        return null;
    }
    const extras = (match[2] ?? '')
        .split(',')
        .map((extra) => extra.trim())
        .filter((extra) => extra !== '');
    const rest = (match[3] ?? '').split(';')[0]?.trim() ?? '';
    if (rest.startsWith('@')) {
        return { name: match[1], extras, specifier: '', url: rest.slice(1).trim() };
    }
    const specifier = rest.startsWith('(') && rest.endsWith(')') ? rest.slice(1, -1).trim() : rest;
    return { name: match[1], extras, specifier, url: null };
}
