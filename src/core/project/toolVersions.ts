import { parse as parseToml, TomlError } from 'smol-toml';
import type { ProjectFiles } from './ProjectFiles';

/** One tool pinned by asdf's `.tool-versions` or mise's `mise.toml` / `.mise.toml`. */
export interface ToolPin {
    readonly tool: string;
    readonly version: string;
    readonly file: string;
    readonly line: number;
    readonly source: string;
}

/**
 * Reads the version-manager files shared by every ecosystem. Names are as written (asdf says "nodejs" and
 * "golang", mise says "node" and "go"); callers match the names of their runtime.
 */
export async function readToolPins(files: ProjectFiles, dir = '.'): Promise<ToolPin[]> {
    const prefix = dir === '.' ? '' : `${dir}/`;
    const pins: ToolPin[] = [];
    const toolVersions = await files.readText(`${prefix}.tool-versions`);
    if (toolVersions) {
        for (const [index, raw] of toolVersions.text.split(/\r?\n/).entries()) {
            const line = raw.replace(/#.*$/, '').trim();
            const [tool, version] = line.split(/\s+/);
            if (tool && version) {
                pins.push({ tool, version, file: toolVersions.path, line: index + 1, source: '.tool-versions' });
            }
        }
    }
    for (const name of ['mise.toml', '.mise.toml']) {
        const mise = await files.readText(`${prefix}${name}`);
        if (!mise) {
            continue;
        }
        let parsed: Record<string, unknown>;
        try {
            parsed = parseToml(mise.text);
        } catch (error) {
            const line = error instanceof TomlError ? error.line : 1;
            files.issues.add({
                severity: 'warning',
                message: `${mise.path} is not valid TOML: ${firstLine(error)}`,
                at: { file: mise.path, line },
            });
            continue;
        }
        const tools = parsed.tools;
        if (typeof tools !== 'object' || tools === null) {
            continue;
        }
        for (const [tool, value] of Object.entries(tools as Record<string, unknown>)) {
            const version =
                typeof value === 'string'
                    ? value
                    : Array.isArray(value) && typeof value[0] === 'string'
                      ? value[0]
                      : typeof value === 'object' &&
                          value !== null &&
                          typeof (value as { version?: unknown }).version === 'string'
                        ? (value as { version: string }).version
                        : undefined;
            if (version) {
                pins.push({ tool, version, file: mise.path, line: lineOfKey(mise.text, tool), source: name });
            }
        }
    }
    return pins;
}

/** The 1-based line where `key =` or `"key" =` first appears, or 1. */
export function lineOfKey(text: string, key: string): number {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^\\s*["']?${escaped}["']?\\s*=`, 'm');
    const match = pattern.exec(text);
    return match ? text.slice(0, match.index).split('\n').length : 1;
}

export function firstLine(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
