import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { privateCacheFolder, writeCacheFile } from '../../core/privateCacheFolder';

/**
 * A fact derived from one system file alone (the packages in dpkg's status file, the version in libc's banner),
 * kept between runs under the file's identity: device, inode, size, modification and change time, to the
 * nanosecond. dpkg and package managers replace such files (a new inode), and any write moves the change time,
 * which no program can set back; while all five are equal the file is the one the fact was derived from.
 *
 * One JSON file per fact in the user's cache folder (privateCacheFolder: only this user writes there); a missing,
 * damaged or other file's entry, or a value `isFact` rejects, is derived again and kept. Without a cache
 * folder or a readable file, `derive` simply runs. Saves a fresh `parity snapshot` ~20 ms of reading and parsing
 * ~3 MB on every run.
 */
export async function cachedFileFact<T>(
    name: string,
    path: string,
    derive: () => Promise<T>,
    isFact: (value: unknown) => value is T,
    env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
    const identity = identityOf(path);
    const folder = identity === undefined ? undefined : privateCacheFolder('facts', env);
    const file = folder === undefined ? undefined : join(folder, `${name}.json`);
    if (file !== undefined) {
        const kept = readKept(file);
        if (kept?.path === path && kept.identity === identity && isFact(kept.value)) {
            return kept.value;
        }
    }
    const value = await derive();
    // Kept only when the file did not change while it was read.
    if (file !== undefined && identity !== undefined && identity === identityOf(path)) {
        writeCacheFile(file, JSON.stringify({ path, identity, value }));
    }
    return value;
}

function identityOf(path: string): string | undefined {
    try {
        const info = statSync(path, { bigint: true });
        return info.isFile()
            ? [info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].map(String).join(':')
            : undefined;
    } catch {
        return undefined;
    }
}

function readKept(file: string): { path?: unknown; identity?: unknown; value?: unknown } | undefined {
    try {
        const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
        return typeof kept === 'object' && kept !== null ? kept : undefined;
    } catch {
        return undefined;
    }
}
