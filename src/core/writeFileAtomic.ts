import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never half of it: write a
 * temporary sibling, then rename it over the target (atomic on POSIX file systems and on NTFS). A symbolic
 * link is written through (its target is replaced, the link stays); a target that is not a regular file —
 * /dev/null, /dev/stdout, a FIFO — is written in place, because renaming over it would replace the device.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
    const target = await realpath(path).catch(() => path);
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isFile()) {
        await writeFile(target, content, 'utf8');
        return;
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await writeFile(temporary, content, {
            encoding: 'utf8',
            flag: 'wx',
            ...(existing ? { mode: existing.mode & 0o777 } : {}),
        });
        await rename(temporary, target);
    } catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}
