import { pipeline } from 'node:stream/promises';
import type { Headers } from 'tar-stream';
import { loadTarStream } from './loadTarStream';

/** One member of a tar archive, as much of it as Parity reads. */
export interface TarEntry {
    /** The member's path as stored (the engine's archive API stores it relative to the requested folder). */
    readonly name: string;
    readonly type: 'file' | 'symlink' | 'hardlink' | 'directory' | 'other';
    /** The content of a regular file; empty for every other type. */
    readonly content: Buffer;
    /** Where a symbolic or hard link points. */
    readonly linkTarget: string | null;
}

/** The archive is bigger than the caller allows; nothing more of it was read. */
export class TarTooLargeError extends Error {}

/**
 * Reads the members of an uncompressed tar stream with tar-stream (USTAR, GNU and PAX long names, base-256
 * sizes), counting the bytes as they arrive: past `maxBytes` the stream is destroyed and nothing more is
 * read or kept. A stream that ends inside a member is an error (the archive was cut off), never a
 * silently shortened file. Links are reported, not followed.
 */
export async function readTarEntries(
    source: AsyncIterable<Buffer> | Iterable<Buffer>,
    maxBytes: number,
): Promise<TarEntry[]> {
    const { extract } = await loadTarStream();
    const entries: TarEntry[] = [];
    const parser = extract();
    parser.on('entry', (header: Headers, body, next) => {
        const chunks: Buffer[] = [];
        body.on('data', (chunk: Buffer) => chunks.push(chunk));
        body.on('end', () => {
            entries.push(entryOf(header, Buffer.concat(chunks)));
            next();
        });
    });
    let total = 0;
    await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
            for await (const chunk of chunks) {
                total += chunk.length;
                if (total > maxBytes) {
                    throw new TarTooLargeError(`over ${maxBytes / 1024 / 1024} MiB as an archive`);
                }
                yield chunk;
            }
        },
        parser,
    );
    return entries;
}

function entryOf(header: Headers, content: Buffer): TarEntry {
    const type = typeOf(header.type);
    return {
        name: header.name,
        type,
        content: type === 'file' ? content : Buffer.alloc(0),
        linkTarget: type === 'symlink' || type === 'hardlink' ? (header.linkname ?? null) : null,
    };
}

function typeOf(type: Headers['type']): TarEntry['type'] {
    switch (type) {
        case 'file':
        case 'contiguous-file':
            return 'file';
        case 'link':
            return 'hardlink';
        case 'symlink':
            return 'symlink';
        case 'directory':
            return 'directory';
        default:
            return 'other';
    }
}
