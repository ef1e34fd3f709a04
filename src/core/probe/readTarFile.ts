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

const BLOCK = 512;

/**
 * Reads the members of an uncompressed tar archive (USTAR with the GNU and PAX long-name extensions the
 * Docker engine writes). Pure: bytes in, entries out. Stops at the end marker or the end of the data;
 * a member cut short keeps the bytes that arrived.
 */
export function readTarEntries(data: Buffer): TarEntry[] {
    const entries: TarEntry[] = [];
    let offset = 0;
    let longName: string | null = null;
    let longLink: string | null = null;
    let pax: Record<string, string> = {};
    while (offset + BLOCK <= data.length) {
        const header = data.subarray(offset, offset + BLOCK);
        if (header.every((byte) => byte === 0)) {
            break;
        }
        const size = readOctal(header, 124, 12);
        const typeFlag = String.fromCharCode(header[156] ?? 0x30);
        const bodyStart = offset + BLOCK;
        const body = data.subarray(bodyStart, Math.min(bodyStart + size, data.length));
        offset = bodyStart + Math.ceil(size / BLOCK) * BLOCK;

        if (typeFlag === 'L') {
            longName = cString(body);
            continue;
        }
        if (typeFlag === 'K') {
            longLink = cString(body);
            continue;
        }
        if (typeFlag === 'x') {
            pax = parsePax(body);
            continue;
        }
        if (typeFlag === 'g') {
            continue;
        }
        const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar')
            ? cString(header.subarray(345, 500))
            : '';
        const shortName = cString(header.subarray(0, 100));
        const name = pax.path ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
        const link = pax.linkpath ?? longLink ?? (cString(header.subarray(157, 257)) || null);
        const type = typeOf(typeFlag);
        entries.push({
            name,
            type,
            content: type === 'file' ? Buffer.from(body) : Buffer.alloc(0),
            linkTarget: type === 'symlink' || type === 'hardlink' ? link : null,
        });
        longName = null;
        longLink = null;
        pax = {};
    }
    return entries;
}

/** The first member: what the archive API returns for a single path. */
export function readTarFile(data: Buffer): TarEntry | null {
    return readTarEntries(data)[0] ?? null;
}

function typeOf(flag: string): TarEntry['type'] {
    switch (flag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
            return 'directory';
        default:
            return 'other';
    }
}

function cString(bytes: Buffer): string {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

/** Numeric fields are octal text, or base-256 big-endian when the top bit of the first byte is set. */
function readOctal(header: Buffer, start: number, length: number): number {
    const field = header.subarray(start, start + length);
    if (((field[0] ?? 0) & 0x80) !== 0) {
        let value = (field[0] ?? 0) & 0x7f;
        for (const byte of field.subarray(1)) {
            value = value * 256 + byte;
        }
        return value;
    }
    const text = cString(field).trim();
    return text ? parseInt(text, 8) || 0 : 0;
}

/** PAX extended headers: "<length> <key>=<value>\n" records. */
function parsePax(body: Buffer): Record<string, string> {
    const result: Record<string, string> = {};
    let offset = 0;
    while (offset < body.length) {
        const space = body.indexOf(0x20, offset);
        if (space < 0) {
            break;
        }
        const length = Number(body.subarray(offset, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= 0) {
            break;
        }
        const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (equals > 0) {
            result[record.slice(0, equals)] = record.slice(equals + 1);
        }
        offset += length;
    }
    return result;
}
