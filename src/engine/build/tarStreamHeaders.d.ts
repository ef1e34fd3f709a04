// tar-stream 2's header encoder (headers.js), which its Pack uses and @types/tar-stream does not describe.
// The build context reads it to know the archive's size before packing.
declare module 'tar-stream/headers' {
    import type { Headers } from 'tar-stream';

    /** PAX records to write in front of the member (tar-stream writes `path`, `linkpath` and these). */
    export type PaxHeaders = Headers & { pax?: Record<string, string> };

    /** One USTAR header block, or null when the member needs a PAX header (long or non-ASCII name or link). */
    export function encode(headers: PaxHeaders): Buffer | null;
    /** The records of a member's PAX header. */
    export function encodePax(headers: PaxHeaders): Buffer;
}
