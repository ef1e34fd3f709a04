import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

export interface BoundedReadOptions {
    /** Bytes a file may have; a larger one is refused, and never more than this is read. */
    readonly maxBytes: number;
    /**
     * A folder the file must really be in, links resolved on both sides: a link that leads out of it
     * (a project's `.env` → `../other/credentials`) is refused instead of followed.
     */
    readonly within?: string;
    /** Refuse a path that is itself a symbolic link (ELOOP), for files that only their owner's program writes. */
    readonly noFollow?: boolean;
}

export type BoundedRead =
    | { readonly kind: 'ok'; readonly bytes: Buffer }
    | { readonly kind: 'missing' }
    /** The path (or a link on the way) really leads outside `within`. */
    | { readonly kind: 'outside'; readonly realPath: string }
    /** A folder, FIFO, device or socket: nothing a config file can be. */
    | { readonly kind: 'not-a-file' }
    | { readonly kind: 'too-large'; readonly size: number }
    | { readonly kind: 'error'; readonly code: string };

/**
 * Reads a small file without trusting where it points: opened non-blocking (a FIFO cannot stall us),
 * regular files only (so /dev/zero or /dev/stdin cannot be read without end), the size checked on the
 * open handle and never more than `maxBytes` read even when the file grows meanwhile. The work is done
 * synchronously (readBoundedFileSync): these are small files, and one synchronous read costs less than the
 * thread-pool round trips of an asynchronous one (a CA folder: ~4 ms against ~100 ms).
 */
export function readBoundedFile(path: string, options: BoundedReadOptions): Promise<BoundedRead> {
    return Promise.resolve(readBoundedFileSync(path, options));
}

/** Reads a small file without trusting where it points (see readBoundedFile), for callers that must answer at once (CodeLens). */
export function readBoundedFileSync(path: string, options: BoundedReadOptions): BoundedRead {
    let target = path;
    let fd: number;
    try {
        if (options.within !== undefined) {
            target = realpathSync(path);
            if (!isInside(target, realOrSelf(options.within))) {
                return { kind: 'outside', realPath: target };
            }
        }
        fd = openSync(target, openFlags(options));
    } catch (error) {
        return failure(error);
    }
    try {
        const info = fstatSync(fd);
        if (!info.isFile()) {
            return { kind: 'not-a-file' };
        }
        if (info.size > options.maxBytes) {
            return { kind: 'too-large', size: info.size };
        }
        const chunks: Buffer[] = [];
        let length = 0;
        while (length <= options.maxBytes) {
            const chunk = Buffer.allocUnsafe(Math.min(CHUNK, options.maxBytes + 1 - length));
            const bytesRead = readSync(fd, chunk, 0, chunk.length, length);
            if (bytesRead === 0) {
                break;
            }
            chunks.push(chunk.subarray(0, bytesRead));
            length += bytesRead;
        }
        return finish(chunks, length, options.maxBytes);
    } catch (error) {
        return failure(error);
    } finally {
        closeSync(fd);
    }
}

/** The size on the handle can lie (a file still growing, procfs): what was really read decides. */
function finish(chunks: Buffer[], length: number, maxBytes: number): BoundedRead {
    return length > maxBytes
        ? { kind: 'too-large', size: length }
        : { kind: 'ok', bytes: Buffer.concat(chunks, length) };
}

/** Whether `path` is `folder` or inside it; both already real paths. */
export function isInside(path: string, folder: string): boolean {
    const rel = relative(folder, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

// O_NONBLOCK does not exist on Windows, where opening a pipe by name does not block anyway.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** O_NOFOLLOW does not exist on Windows either; callers check for links there themselves. */
function openFlags(options: BoundedReadOptions): number {
    return options.noFollow ? OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0) : OPEN_FLAGS;
}
const CHUNK = 64 * 1024;

function realOrSelf(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return path;
    }
}

function failure(error: unknown): BoundedRead {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'error', code };
}
