import { mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * `sub` in Parity's folder of the user's cache (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%),
 * made (mode 700) when missing. Undefined when it cannot be made, or when it belongs to someone else or others
 * may write to it: what is kept there (compiled code, facts about the machine) must be what Parity wrote.
 */
export function privateCacheFolder(sub: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
    try {
        const folder = join(userCacheFolder(env), 'parity', sub);
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        const info = statSync(folder);
        const ownedByUser = process.getuid === undefined || info.uid === process.getuid();
        return ownedByUser && (process.platform === 'win32' || (info.mode & 0o022) === 0) ? folder : undefined;
    } catch {
        return undefined;
    }
}

function userCacheFolder(env: NodeJS.ProcessEnv): string {
    if (process.platform === 'win32' && env.LOCALAPPDATA) {
        return env.LOCALAPPDATA;
    }
    if (process.platform === 'darwin') {
        return join(homedir(), 'Library', 'Caches');
    }
    return env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
}

/**
 * Writes a file of such a folder whole (a temporary sibling renamed over it), readable by the user only. False
 * when it could not: a cache that was not written only costs the next run the work it would have saved.
 */
export function writeCacheFile(file: string, data: string | NodeJS.ArrayBufferView): boolean {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
        writeFileSync(temporary, data, { mode: 0o600 });
        renameSync(temporary, file);
        return true;
    } catch {
        try {
            unlinkSync(temporary);
        } catch {
            // Never written.
        }
        return false;
    }
}
