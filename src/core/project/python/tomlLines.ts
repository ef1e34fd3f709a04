import { lineAt } from '../lineAt';
import { lineOfKey } from '../toolVersions';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of a TOML table (after its header up to the next header) and its offset, or null. */
function tableSpan(text: string, table: readonly string[]): { start: number; end: number } | null {
    const header = new RegExp(
        `^[ \\t]*\\[[ \\t]*${table.map((part) => `["']?${escape(part)}["']?`).join('[ \\t]*\\.[ \\t]*')}[ \\t]*\\][ \\t]*(?:#.*)?$`,
        'm',
    );
    const found = header.exec(text);
    if (!found) {
        return null;
    }
    const start = found.index + found[0].length;
    const next = /^[ \t]*\[/m.exec(text.slice(start));
    return { start, end: next ? start + next.index : text.length };
}

/** Where things are written inside one TOML table, read in one pass so many look-ups stay cheap. */
export interface TomlTableLines {
    /** `key = …` → its line (the first one). */
    readonly keys: ReadonlyMap<string, number>;
    /** A quoted string value (array items included) → the line it is first written on. */
    readonly strings: ReadonlyMap<string, number>;
    /** The header's line, null when the table has no header of its own (dotted keys, inline tables). */
    readonly header: number | null;
}

export function tomlTableLines(text: string, table: readonly string[]): TomlTableLines {
    const keys = new Map<string, number>();
    const strings = new Map<string, number>();
    const span = tableSpan(text, table);
    if (!span) {
        return { keys, strings, header: null };
    }
    const first = lineAt(text, span.start);
    for (const [index, line] of text.slice(span.start, span.end).split('\n').entries()) {
        const key = /^[ \t]*["']?([\w.-]+)["']?[ \t]*=/.exec(line)?.[1];
        if (key && !keys.has(key)) {
            keys.set(key, first + index);
        }
        for (const quoted of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)) {
            const value = quoted[1] ?? quoted[2] ?? '';
            if (!strings.has(value)) {
                strings.set(value, first + index);
            }
        }
    }
    return { keys, strings, header: first };
}

/**
 * The 1-based line of `key =` inside `[table]`; falls back to the first `key =` anywhere (dotted keys,
 * inline tables), then to the table's header line, then to 1.
 */
export function tomlKeyLine(text: string, table: readonly string[], key: string): number {
    const lines = tomlTableLines(text, table);
    return lines.keys.get(key) ?? fallbackLine(text, lines, key);
}

/** The line for `key` in an already read table, with tomlKeyLine's fallbacks. */
export function keyLineIn(text: string, lines: TomlTableLines, key: string): number {
    return lines.keys.get(key) ?? fallbackLine(text, lines, key);
}

function fallbackLine(text: string, lines: TomlTableLines, key: string): number {
    const anywhere = lineOfKey(text, key);
    return anywhere === 1 && lines.header !== null ? lines.header : anywhere;
}
