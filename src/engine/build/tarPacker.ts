import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pack } from 'tar-stream';
import type { PaxHeaders } from 'tar-stream/headers';
import { BuildError } from '../../core/build/BuildError';
import { loadTarStream } from '../loadTarStream';

/** A member of a tar archive Parity writes (the build context): no owners, no devices, no hard links. */
export interface TarMember {
    /** Slash-separated, relative; folders end with a slash. */
    readonly name: string;
    readonly type: 'file' | 'directory' | 'symlink';
    /** Bytes of content (files only). */
    readonly size: number;
    /** Permission bits (file type bits are ignored). */
    readonly mode: number;
    /** Seconds since the epoch. */
    readonly mtime: number;
    readonly linkTarget?: string;
    /** Where a file's content comes from: a file on disk, or a buffer of our own. */
    readonly source?: string;
    readonly buffer?: Buffer;
}

/** Writes build contexts with tar-stream; loaded when a context is packed, never at start-up. */
export interface TarPacker {
    /** Bytes of the archive of these members, known before anything is read. */
    sizeOf(members: readonly TarMember[]): number;
    /** The archive, streamed: file contents are read as the consumer pulls. */
    open(members: readonly TarMember[], signal?: AbortSignal): Readable;
}

const BLOCK = 512;
/** The largest size USTAR's 11 octal digits hold (8 GiB); bigger files get a PAX `size` record. */
const MAX_OCTAL_SIZE = 0o77777777777;

export async function loadTarPacker(): Promise<TarPacker> {
    const tar = await loadTarStream();
    return {
        sizeOf: (members) => {
            let size = 2 * BLOCK;
            for (const member of members) {
                const header = headerOf(member);
                // As tar-stream's Pack chooses: one USTAR block, or a PAX header (block + records) before it.
                const headerBytes =
                    !header.pax && tar.encode(header) ? BLOCK : 2 * BLOCK + roundUp(tar.encodePax(header).length);
                size += headerBytes + roundUp(header.size ?? 0);
            }
            return size;
        },
        open: (members, signal) => {
            const archive = tar.pack();
            const out = new PassThrough({ highWaterMark: 256 * 1024 });
            archive.pipe(out);
            out.once('close', () => archive.destroy());
            writeMembers(archive, members, signal).then(
                () => archive.finalize(),
                (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
            );
            return out;
        },
    };
}

/** Owners 0:0 as the Docker CLI sends build contexts; links stored as links, never followed. */
function headerOf(member: TarMember): PaxHeaders & { size: number } {
    return {
        name: member.name,
        type: member.type,
        size: member.type === 'file' ? member.size : 0,
        mode: member.mode & 0o7777,
        mtime: new Date(Math.max(0, Math.floor(member.mtime)) * 1000),
        uid: 0,
        gid: 0,
        ...(member.linkTarget === undefined ? {} : { linkname: member.linkTarget }),
        ...(member.size > MAX_OCTAL_SIZE ? { pax: { size: String(member.size) } } : {}),
    };
}

async function writeMembers(archive: Pack, members: readonly TarMember[], signal?: AbortSignal): Promise<void> {
    for (const member of members) {
        signal?.throwIfAborted();
        const header = headerOf(member);
        const source = member.type === 'file' && !member.buffer && member.size > 0 ? member.source : undefined;
        if (source === undefined || member.size <= WHOLE_READ_BYTES) {
            // Most files of a project are small: one read and one buffer each costs far less than a stream each.
            const content =
                member.type !== 'file'
                    ? undefined
                    : source === undefined
                      ? (member.buffer ?? Buffer.alloc(0))
                      : await readExactly(source, member.size, member.name);
            await new Promise<void>((resolve, reject) => {
                const done = (error?: Error | null): void => (error ? reject(error) : resolve());
                if (content) {
                    archive.entry(header, content, done);
                } else {
                    archive.entry(header, done);
                }
            });
            continue;
        }
        await new Promise<void>((resolve, reject) => {
            // tar-stream checks that exactly `size` bytes arrived; a file that shrank since the walk fails here.
            const sink = archive.entry(header, (error) => (error ? reject(shorter(member.name)) : resolve()));
            // Only the size counted at the walk is read: a file that grows meanwhile does not corrupt the archive.
            const file = createReadStream(source, { start: 0, end: member.size - 1, highWaterMark: 256 * 1024 });
            pipeline(file, sink, signal ? { signal } : {}).catch(reject);
        });
    }
}

/** Files up to this size are read whole; bigger ones stream, so memory stays flat whatever the context holds. */
const WHOLE_READ_BYTES = 256 * 1024;

/** The first `size` bytes of a file (a file that grew is cut to its walked size; one that shrank is an error). */
async function readExactly(path: string, size: number, name: string): Promise<Buffer> {
    const handle = await open(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(size);
        let read = 0;
        while (read < size) {
            const { bytesRead } = await handle.read(buffer, read, size - read, read);
            if (bytesRead === 0) {
                throw shorter(name);
            }
            read += bytesRead;
        }
        return buffer;
    } finally {
        await handle.close();
    }
}

function shorter(name: string): BuildError {
    return new BuildError('context', `${name} got shorter while the build context was being sent; build again.`);
}

function roundUp(size: number): number {
    return Math.ceil(size / BLOCK) * BLOCK;
}
