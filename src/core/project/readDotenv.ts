import { parse } from 'dotenv';
import type { EnvHashKey } from '../snapshot/EnvHashKey';
import { hashEnvValue } from '../snapshot/hashEnvValue';
import type { EnvVarFact } from '../snapshot/Snapshot';
import { joinPath, type ProjectFiles } from './ProjectFiles';

/** The dotenv files frameworks load, in the order later ones override earlier ones. */
export const DOTENV_FILES = ['.env', '.env.local', '.env.development', '.env.development.local'] as const;

/**
 * Keys of the project's .env files with a hash of each value. The values are read only to be hashed —
 * they never leave this function — and every entry is marked secret.
 */
export async function readDotenv(
    files: ProjectFiles,
    key: EnvHashKey,
    dirs: readonly string[] = ['.'],
): Promise<Record<string, EnvVarFact>> {
    const result: Record<string, EnvVarFact> = {};
    for (const entry of await dotenvEntries(files, dirs)) {
        result[entry.name] = {
            sha256: hashEnvValue(key, entry.name, entry.value),
            secret: true,
            source: { kind: 'dotenv', file: entry.file, line: entry.line },
        };
    }
    return result;
}

/**
 * The values themselves, for one purpose only: handing them to a sandbox the user explicitly allowed to
 * see them. The caller must never log or store them.
 */
export async function readDotenvValues(
    files: ProjectFiles,
    dirs: readonly string[] = ['.'],
): Promise<Record<string, string>> {
    return Object.fromEntries((await dotenvEntries(files, dirs)).map((entry) => [entry.name, entry.value]));
}

interface DotenvEntry {
    readonly name: string;
    readonly value: string;
    readonly file: string;
    readonly line: number;
}

/** Every KEY=value of the dotenv files (dotenv's own parser), later files winning; other lines become issues. */
async function dotenvEntries(files: ProjectFiles, dirs: readonly string[]): Promise<DotenvEntry[]> {
    const entries = new Map<string, DotenvEntry>();
    for (const dir of [...new Set(dirs)]) {
        for (const name of DOTENV_FILES) {
            const file = await files.readText(joinPath(dir, name));
            if (!file) {
                continue;
            }
            const values = parse(file.text);
            const { lines, skipped } = definitionLines(file.text);
            for (const line of skipped) {
                files.issues.add({
                    severity: 'info',
                    message: `${file.path}:${line} is not a KEY=value line; it was skipped.`,
                    at: { file: file.path, line },
                });
            }
            for (const [key, line] of lines) {
                const value = values[key];
                if (value !== undefined) {
                    entries.set(key, { name: key, value, file: file.path, line });
                }
            }
        }
    }
    return [...entries.values()];
}

/** A definition's start as dotenv reads it: `[export] KEY=` or `KEY: `, then the value. */
const DEFINITION = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=|:\s)\s*(.*)$/;

/**
 * The line each key is defined on (the last definition wins, as in dotenv), and the lines that define
 * nothing. A quoted value may run over several lines (a PEM key): its inner lines are part of it.
 */
function definitionLines(text: string): { lines: Map<string, number>; skipped: number[] } {
    const lines = new Map<string, number>();
    const skipped: number[] = [];
    let openQuote: string | null = null;
    const all = text.split(/\r?\n/);
    for (const [index, raw] of all.entries()) {
        if (openQuote) {
            openQuote = closes(raw, openQuote) ? null : openQuote;
            continue;
        }
        const match = DEFINITION.exec(raw);
        if (match?.[1] !== undefined && match[2] !== undefined) {
            lines.set(match[1], index + 1);
            const quote = /^["'`]/.exec(match[2])?.[0];
            // Left open on this line, the value runs on to the closing quote; never closed, it is this line only.
            openQuote =
                quote && !closes(match[2].slice(1), quote) && closes(all.slice(index + 1).join('\n'), quote)
                    ? quote
                    : null;
        } else if (raw.trim() !== '' && !raw.trim().startsWith('#')) {
            skipped.push(index + 1);
        }
    }
    return { lines, skipped };
}

/** The quote appears unescaped: dotenv's quoted value ends there. */
function closes(text: string, quote: string): boolean {
    return new RegExp(`(?<!\\\\)${quote}`).test(text);
}
