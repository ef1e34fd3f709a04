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
                result[match[1]] = {
                    sha256: hashEnvValue(match[1], unquote(match[2])),
                    secret: true,
                    source: { kind: 'dotenv', file: file.path, line: index + 1 },
                };
            }
        }
    }
    return result;
}

/** Strips matching quotes (and a comment after them), or an unquoted trailing comment, as dotenv does. */
function unquote(value: string): string {
    const trimmed = value.trim();
    const quoted = /^(["'`])([\s\S]*?)\1\s*(?:#.*)?$/.exec(trimmed);
    return quoted ? quoted[2] ?? '' : trimmed.replace(/\s+#.*$/, '');
}
