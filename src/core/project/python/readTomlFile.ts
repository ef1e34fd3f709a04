import { parse as parseToml, TomlError } from 'smol-toml';
import type { ProjectFiles, TextFile } from '../ProjectFiles';
import { firstLine } from '../toolVersions';

export interface TomlFile extends TextFile {
    readonly data: Readonly<Record<string, unknown>>;
}

/** A TOML file parsed, or null when it is absent or malformed (then an issue says where). */
export async function readTomlFile(files: ProjectFiles, path: string): Promise<TomlFile | null> {
    const file = await files.readText(path);
    if (!file) {
        return null;
    }
    try {
        return { ...file, data: parseToml(file.text) };
    } catch (error) {
        const line = error instanceof TomlError ? error.line : 1;
        files.issues.add({
            severity: 'warning',
            message: `${file.path} is not valid TOML (${firstLine(error)}); Parity read nothing from it.`,
            at: { file: file.path, line },
        });
        return null;
    }
}

/** The value at a dotted path of tables, or undefined. */
export function tomlGet(data: Readonly<Record<string, unknown>> | undefined, ...path: string[]): unknown {
    let value: unknown = data;
    for (const key of path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return undefined;
        }
        value = (value as Record<string, unknown>)[key];
    }
    return value;
}

export function tomlTable(
    data: Readonly<Record<string, unknown>> | undefined,
    ...path: string[]
): Readonly<Record<string, unknown>> | undefined {
    const value = tomlGet(data, ...path);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}
