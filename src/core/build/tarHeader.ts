/** A member of a tar archive Parity writes (the build context): no owners, no devices, no hard links. */
export interface TarMember {
    /** Slash-separated, relative; folders end with a slash. */
    readonly name: string;
    readonly type: 'file' | 'directory' | 'symlink';
    /** Bytes of content that follow the header (files only). */
    readonly size: number;
    /** Permission bits. */
    readonly mode: number;
    /** Seconds since the epoch. */
    readonly mtime: number;
    readonly linkTarget?: string;
}

export const TAR_BLOCK = 512;
/** Two empty blocks end an archive. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

const MAX_OCTAL_SIZE = 0o77777777777;

/**
 * The header block(s) of one member: USTAR, owned by 0:0 (as the Docker CLI sends build contexts), with a
 * PAX extended header in front when a name or link is too long for USTAR's fields or the size too big.
 */
export function tarHeader(member: TarMember): Buffer {
    const name = Buffer.from(member.name, 'utf8');
    const link = Buffer.from(member.linkTarget ?? '', 'utf8');
    const split = splitName(name);
    const pax: Record<string, string> = {};
    if (!split) {
        pax.path = member.name;
    }
    if (link.length > 100) {
        pax.linkpath = member.linkTarget ?? '';
    }
    if (member.size > MAX_OCTAL_SIZE) {
        pax.size = String(member.size);
    }
    const header = ustarHeader({
        name: split?.name ?? name.subarray(0, 100),
        prefix: split?.prefix ?? Buffer.alloc(0),
        link: link.subarray(0, 100),
        type: member.type === 'file' ? '0' : member.type === 'directory' ? '5' : '2',
        size: member.type === 'file' ? Math.min(member.size, MAX_OCTAL_SIZE) : 0,
        mode: member.mode & 0o7777,
        mtime: Math.max(0, Math.floor(member.mtime)),
    });
    if (Object.keys(pax).length === 0) {
        return header;
    }
    const records = Buffer.from(
        Object.entries(pax)
            .map(([key, value]) => paxRecord(key, value))
            .join(''),
        'utf8',
    );
    const paxHeader = ustarHeader({
        name: Buffer.from('PaxHeader', 'utf8'),
        prefix: Buffer.alloc(0),
        link: Buffer.alloc(0),
        type: 'x',
        size: records.length,
        mode: 0o644,
        mtime: Math.max(0, Math.floor(member.mtime)),
    });
    return Buffer.concat([paxHeader, records, Buffer.alloc(paddingFor(records.length)), header]);
}

/** Zero bytes that round a member's content up to a whole block. */
export function paddingFor(size: number): number {
    return (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
}

/** USTAR keeps up to 100 bytes of name plus a 155-byte prefix, split at a slash. */
function splitName(name: Buffer): { name: Buffer; prefix: Buffer } | undefined {
    if (name.length <= 100) {
        return { name, prefix: Buffer.alloc(0) };
    }
    for (let at = name.indexOf(0x2f); at >= 0; at = name.indexOf(0x2f, at + 1)) {
        if (at <= 155 && name.length - at - 1 <= 100 && name.length - at - 1 > 0) {
            return { name: name.subarray(at + 1), prefix: name.subarray(0, at) };
        }
    }
    return undefined;
}

function paxRecord(key: string, value: string): string {
    const body = ` ${key}=${value}\n`;
    const bodyLength = Buffer.byteLength(body, 'utf8');
    let length = bodyLength + String(bodyLength).length;
    if (String(length).length + bodyLength !== length) {
        length = bodyLength + String(length).length;
    }
    return `${length}${body}`;
}

function ustarHeader(fields: {
    name: Buffer;
    prefix: Buffer;
    link: Buffer;
    type: string;
    size: number;
    mode: number;
    mtime: number;
}): Buffer {
    const block = Buffer.alloc(TAR_BLOCK);
    fields.name.copy(block, 0);
    octal(block, 100, 8, fields.mode);
    octal(block, 108, 8, 0);
    octal(block, 116, 8, 0);
    octal(block, 124, 12, fields.size);
    octal(block, 136, 12, fields.mtime);
    block.write(fields.type, 156, 'latin1');
    fields.link.copy(block, 157);
    block.write('ustar\u000000', 257, 'latin1');
    octal(block, 329, 8, 0);
    octal(block, 337, 8, 0);
    fields.prefix.copy(block, 345);
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of block) {
        sum += byte;
    }
    block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
    return block;
}

/** A numeric field: zero-padded octal digits and a NUL, filling the field. */
function octal(block: Buffer, offset: number, length: number, value: number): void {
    block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, 'latin1');
}
