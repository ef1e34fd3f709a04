import type { ProjectFiles } from './ProjectFiles';

export interface VersionFileLine {
    readonly path: string;
    readonly line: number;
    readonly raw: string;
}

/** The first line of a text that is neither blank nor a comment, with its 1-based number. */
export function firstValueLine(text: string): { raw: string; line: number } | null {
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    const raw = lines[index]?.trim();
    return raw ? { raw, line: index + 1 } : null;
}

/**
 * A single-value version file (.go-version, .java-version, .ruby-version …): its first real line, or null.
 * An empty file is reported, with who ignores it, because it silently pins nothing.
 */
export async function readVersionFile(
    files: ProjectFiles,
    path: string,
    ignoredBy: string,
): Promise<VersionFileLine | null> {
    const file = await files.readText(path);
    if (!file) {
        return null;
    }
    const found = firstValueLine(file.text);
    if (!found) {
        files.issues.add({
            severity: 'warning',
            message: `${file.path} is empty; ${ignoredBy} ignores it.`,
            at: { file: file.path, line: 1 },
        });
        return null;
    }
    return { path: file.path, ...found };
}
