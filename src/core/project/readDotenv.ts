import { hashEnvValue } from '../snapshot/hashEnvValue';
import type { EnvVarFact } from '../snapshot/Snapshot';
import { joinPath, type ProjectFiles } from './ProjectFiles';

/** The dotenv files frameworks load, in the order later ones override earlier ones. */
export const DOTENV_FILES = ['.env', '.env.local', '.env.development', '.env.development.local'] as const;

/**
 * Keys of the project's .env files with a hash of each value. The values are read only to be hashed —
 * they never leave this function — and every entry is marked secret.
 */
export async function readDotenv(files: ProjectFiles, dirs: readonly string[] = ['.']): Promise<Record<string, EnvVarFact>> {
    const result: Record<string, EnvVarFact> = {};
    for (const entry of await dotenvEntries(files, dirs)) {
        result[entry.name] = {
            sha256: hashEnvValue(entry.name, entry.value),
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
export async function readDotenvValues(files: ProjectFiles, dirs: readonly string[] = ['.']): Promise<Record<string, string>> {
    return Object.fromEntries((await dotenvEntries(files, dirs)).map((entry) => [entry.name, entry.value]));
}

interface DotenvEntry {
    readonly name: string;
    readonly value: string;
    readonly file: string;
    readonly line: number;
}

/** Every KEY=value of the dotenv files, later files winning; other lines become issues. */
async function dotenvEntries(files: ProjectFiles, dirs: readonly string[]): Promise<DotenvEntry[]> {
    const entries = new Map<string, DotenvEntry>();
    for (const dir of [...new Set(dirs)]) {
        for (const name of DOTENV_FILES) {
            const file = await files.readText(joinPath(dir, name));
            if (!file) {
                continue;
            }
            for (const [index, raw] of file.text.split(/\r?\n/).entries()) {
                const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
                if (!match?.[1] || match[2] === undefined) {
                    if (raw.trim() !== '' && !raw.trim().startsWith('#')) {
                        files.issues.add({ severity: 'info', message: `${file.path}:${index + 1} is not a KEY=value line; it was skipped.`, at: { file: file.path, line: index + 1 } });
                    }
                    continue;
                }
                entries.set(match[1], { name: match[1], value: unquote(match[2]), file: file.path, line: index + 1 });
            }
        }
    }
    return [...entries.values()];
}

/** Strips matching quotes (and a comment after them), or an unquoted trailing comment, as dotenv does. */
function unquote(value: string): string {
    const trimmed = value.trim();
    const quoted = /^(["'`])([\s\S]*?)\1\s*(?:#.*)?$/.exec(trimmed);
    return quoted ? quoted[2] ?? '' : trimmed.replace(/\s+#.*$/, '');
}
