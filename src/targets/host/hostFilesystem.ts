import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilesystemFacts } from '../../core/snapshot/Snapshot';

/**
 * Whether the project's file system is case-sensitive, told without writing anything: look up an existing
 * entry under its case-swapped name. Found and the same inode → case-insensitive (the macOS/Windows default).
 */
export async function hostFilesystem(root: string): Promise<FilesystemFacts> {
    const names = await readdir(root).catch(() => [] as string[]);
    const taken = new Set(names);
    const probe = names.find((name) => swapCase(name) !== name && !taken.has(swapCase(name)));
    if (!probe) {
        return { caseSensitive: null };
    }
    try {
        const [original, swapped] = await Promise.all([lstat(join(root, probe)), lstat(join(root, swapCase(probe)))]);
        return { caseSensitive: !(original.ino === swapped.ino && original.dev === swapped.dev) };
    } catch (error) {
        return { caseSensitive: (error as NodeJS.ErrnoException).code === 'ENOENT' ? true : null };
    }
}

function swapCase(name: string): string {
    return [...name].map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase())).join('');
}
