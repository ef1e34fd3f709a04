import { readdir, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { isInside, readBoundedFile } from '../readBoundedFile';
import type { CaptureIssue } from '../snapshot/Snapshot';
import { IssueSink, type DirEntry, type ProjectFiles, type TextFile } from './ProjectFiles';

/** Files larger than this are not project metadata; reading them would only cost memory. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/**
 * ProjectFiles over the real file system. Paths never leave the root, and neither do links: a cloned
 * repository is hostile input, so a `.env` linking to `../other/credentials` is refused, not followed.
 * Links that stay inside the project are read as usual.
 */
export function nodeProjectFiles(root: string, issues = new IssueSink()): ProjectFiles {
    const base = resolve(root);
    const absolute = (path: string): string | null => {
        const full = resolve(base, path);
        return full === base || full.startsWith(base + sep) ? full : null;
    };
    const relative = (path: string): string =>
        path
            .split(/[\\/]+/)
            .filter((part) => part !== '' && part !== '.')
            .join('/');
    let rootReal: Promise<string> | undefined;
    const realRoot = (): Promise<string> => (rootReal ??= realpath(base).catch(() => base));

    return {
        root: base,
        issues,
        async readText(path: string): Promise<TextFile | null> {
            const full = absolute(path);
            const rel = relative(path);
            if (!full) {
                return null;
            }
            const read = await readBoundedFile(full, { maxBytes: MAX_TEXT_BYTES, within: base });
            switch (read.kind) {
                case 'ok':
                    return { path: rel, text: decode(read.bytes, rel, issues) };
                case 'missing':
                case 'not-a-file':
                    return null;
                case 'outside':
                    issues.add(linksOutside(rel));
                    return null;
                case 'too-large':
                    issues.add({
                        severity: 'warning',
                        message: `${rel} is ${Math.round(read.size / 1024)} KiB, too large to be project metadata; it was skipped.`,
                        at: { file: rel, line: 1 },
                    });
                    return null;
                case 'error':
                    issues.add({
                        severity: 'warning',
                        message: `${rel} cannot be read (${read.code}); it was skipped.`,
                        at: { file: rel, line: 1 },
                    });
                    return null;
            }
        },
        async list(dir: string): Promise<readonly DirEntry[]> {
            const full = absolute(dir);
            if (!full) {
                return [];
            }
            try {
                if (!isInside(await realpath(full), await realRoot())) {
                    issues.add(linksOutside(relative(dir)));
                    return [];
                }
                const entries = await readdir(full, { withFileTypes: true });
                return entries
                    .map(
                        (entry): DirEntry => ({
                            name: entry.name,
                            kind: entry.isSymbolicLink()
                                ? 'symlink'
                                : entry.isDirectory()
                                  ? 'dir'
                                  : entry.isFile()
                                    ? 'file'
                                    : 'other',
                        }),
                    )
                    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code !== 'ENOENT' && code !== 'ENOTDIR') {
                    issues.add({
                        severity: 'warning',
                        message: `${relative(dir) || '.'}/ cannot be listed (${code ?? String(error)}); it was skipped.`,
                    });
                }
                return [];
            }
        },
        async exists(path: string): Promise<boolean> {
            const full = absolute(path);
            if (!full) {
                return false;
            }
            try {
                // realpath fails for a missing file or a dangling link, as access() did.
                return isInside(await realpath(full), await realRoot());
            } catch {
                return false;
            }
        },
    };
}

function linksOutside(rel: string): CaptureIssue {
    return {
        severity: 'warning',
        message: `${rel || '.'} links outside the project; it was not read.`,
        ...(rel ? { at: { file: rel, line: 1 } } : {}),
    };
}

/** UTF-8 (a BOM is dropped); anything else is read as Latin-1 so detection can go on, and reported. */
function decode(bytes: Buffer, path: string, issues: IssueSink): string {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
        issues.add({
            severity: 'warning',
            message: `${path} is not UTF-8 text; it was read as Latin-1 and may be misread.`,
            at: { file: path, line: 1 },
        });
        return bytes.toString('latin1');
    }
}
