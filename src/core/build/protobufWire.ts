/**
 * The protobuf wire format, just enough for the few small BuildKit messages Parity reads and writes
 * (session secrets, registry auth, health, build status). Hand-rolled so no .proto file has to ship next
 * to a bundle and nothing is parsed at run time.
 */

/** One field as it appears on the wire: varints as bigint, length-delimited fields as bytes. */
export type WireField =
    | { readonly field: number; readonly type: 'varint'; readonly value: bigint }
    | { readonly field: number; readonly type: 'bytes'; readonly value: Buffer }
    | { readonly field: number; readonly type: 'fixed'; readonly value: Buffer };

/** Splits a message into its fields in wire order. Throws on truncated or malformed input. */
export function readWireFields(message: Uint8Array): WireField[] {
    const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    const fields: WireField[] = [];
    let offset = 0;
    const varint = (): bigint => {
        let result = 0n;
        let shift = 0n;
        for (;;) {
            if (offset >= data.length) {
                throw new Error('protobuf: truncated varint');
            }
            const byte = data[offset++] ?? 0;
            result |= BigInt(byte & 0x7f) << shift;
            if ((byte & 0x80) === 0) {
                return result;
            }
            shift += 7n;
            if (shift > 63n) {
                throw new Error('protobuf: varint too long');
            }
        }
    };
    const take = (length: number): Buffer => {
        if (offset + length > data.length) {
            throw new Error('protobuf: truncated field');
        }
        const bytes = data.subarray(offset, offset + length);
        offset += length;
        return bytes;
    };
    while (offset < data.length) {
        const key = varint();
        const field = Number(key >> 3n);
        switch (Number(key & 7n)) {
            case 0:
                fields.push({ field, type: 'varint', value: varint() });
                break;
            case 1:
                fields.push({ field, type: 'fixed', value: take(8) });
                break;
            case 2:
                fields.push({ field, type: 'bytes', value: take(Number(varint())) });
                break;
            case 5:
                fields.push({ field, type: 'fixed', value: take(4) });
                break;
            default:
                throw new Error(`protobuf: unsupported wire type in key ${key}`);
        }
    }
    return fields;
}

/** Builds a message from length-delimited (string, bytes, nested message) and varint fields. */
export class WireWriter {
    private readonly parts: Buffer[] = [];

    bytes(field: number, value: Uint8Array | string): this {
        const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
        this.parts.push(encodeVarint(BigInt((field << 3) | 2)), encodeVarint(BigInt(bytes.length)), bytes);
        return this;
    }

    varint(field: number, value: number | bigint): this {
        this.parts.push(encodeVarint(BigInt(field << 3)), encodeVarint(BigInt(value)));
        return this;
    }

    finish(): Buffer {
        return Buffer.concat(this.parts);
    }
}

function encodeVarint(value: bigint): Buffer {
    const bytes: number[] = [];
    let rest = BigInt.asUintN(64, value);
    do {
        const low = Number(rest & 0x7fn);
        rest >>= 7n;
        bytes.push(rest === 0n ? low : low | 0x80);
    } while (rest !== 0n);
    return Buffer.from(bytes);
}

/** The UTF-8 text of a length-delimited field. */
export function wireText(field: WireField): string {
    return field.type === 'bytes' ? field.value.toString('utf8') : '';
}
