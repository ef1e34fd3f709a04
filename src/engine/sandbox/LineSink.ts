import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';

/** A longer line is cut here, so an app that prints no newline cannot grow memory without end. */
const MAX_LINE = 16 * 1024;

/**
 * Turns one demultiplexed output stream into lines: UTF-8 decoded across chunk boundaries, `\r\n` and
 * `\n` both end a line, the last unterminated line comes out on `flush()`.
 */
export class LineSink extends Writable {
    private readonly decoder = new StringDecoder('utf8');
    private pending = '';

    constructor(private readonly onLine: (line: string) => void) {
        super();
    }

    override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
        this.push(this.decoder.write(chunk));
        done();
    }

    flush(): void {
        this.push(this.decoder.end());
        if (this.pending !== '') {
            this.onLine(this.pending);
            this.pending = '';
        }
    }

    private push(text: string): void {
        const parts = (this.pending + text).split('\n');
        this.pending = parts.pop() ?? '';
        for (const part of parts) {
            this.onLine(part.endsWith('\r') ? part.slice(0, -1) : part);
        }
        while (this.pending.length > MAX_LINE) {
            this.onLine(this.pending.slice(0, MAX_LINE));
            this.pending = this.pending.slice(MAX_LINE);
        }
    }
}
