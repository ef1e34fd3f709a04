import { constants } from 'node:fs';
import { access, open, readdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { IssueSink, type DirEntry, type ProjectFiles, type TextFile } from './ProjectFiles';

/** Files larger than this are not project metadata; reading them would only cost memory. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** ProjectFiles over the real file system. Paths never leave the root. */
export function nodeProjectFiles(root: string, issues = new IssueSink()): ProjectFiles {
    const base = resolve(root);
    const absolute = (path: string): string | null => {
        const full = resolve(base, path);
        return full === base || full.startsWith(base + sep) ? full : null;
    };
    const relative = (path: string): string => path.split(/[\\/]+/).filter((part) => part !== '' && part !== '.').join('/');

    return {
        root: base,
        issues,
        async readText(path: string): Promise<TextFile | null> {
            const full = absolute(path);
            const rel = relative(path);
            if (!full) {
                return null;
            }
            let handle;
            try {
                // Non-blocking, so a FIFO or device named like a manifest cannot stall the snapshot.
                handle = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
            } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code !== 'ENOENT' && code !== 'ENOTDIR') {
                    issues.add({ severity: 'warning', message: `${rel} cannot be read (${code ?? String(error)}); it was skipped.`, at: { file: rel, line: 1 } });
                }
                return null;
            }
            try {
                const info = await handle.stat();
                if (!info.isFile()) {
                    return null;
                }
                if (info.size > MAX_TEXT_BYTES) {
                    issues.add({ severity: 'warning', message: `${rel} is ${Math.round(info.size / 1024)} KiB, too large to be project metadata; it was skipped.`, at: { file: rel, line: 1 } });
                    return null;
                }
                const bytes = await handle.readFile();
                return { path: rel, text: decode(bytes, rel, issues) };
            } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                issues.add({ severity: 'warning', message: `${rel} cannot be read (${code ?? String(error)}); it was skipped.`, at: { file: rel, line: 1 } });
                return null;
            } finally {
                await handle.close();
            }
        },
        async list(dir: string): Promise<readonly DirEntry[]> {
            const full = absolute(dir);
            if (!full) {
                return [];
            }
            try {
                const entries = await readdir(full, { withFileTypes: true });
                return entries
                    .map((entry): DirEntry => ({
                        name: entry.name,
                        kind: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other',
                    }))
                    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code !== 'ENOENT' && code !== 'ENOTDIR') {
                    issues.add({ severity: 'warning', message: `${relative(dir) || '.'}/ cannot be listed (${code ?? String(error)}); it was skipped.` });
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
                await access(full, constants.F_OK);
                return true;
            } catch {
                return false;
            }
        },
    };
}

/** UTF-8 (a BOM is dropped); anything else is read as Latin-1 so detection can go on, and reported. */
function decode(bytes: Buffer, path: string, issues: IssueSink): string {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
        issues.add({ severity: 'warning', message: `${path} is not UTF-8 text; it was read as Latin-1 and may be misread.`, at: { file: path, line: 1 } });
        return bytes.toString('latin1');
    }
}
