import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import Modem from 'docker-modem';
import { collectOutput } from '../../../src/engine/collectOutput';
import type { Dockerode } from '../../../src/engine/Dockerode';

/** docker-modem's own demultiplexer, as the engine client uses it, over a stream this test writes frames to. */
const docker = { modem: new Modem() } as unknown as Dockerode;

/** One frame of Docker's multiplexed stream: stream type (1 stdout, 2 stderr), size, payload. */
function frame(type: 1 | 2, text: string): Buffer {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header.writeUInt8(type, 0);
    header.writeUInt32BE(payload.length, 4);
    return Buffer.concat([header, payload]);
}

describe('collectOutput', () => {
    it('a stream that breaks rejects with its error by default', async () => {
        const stream = new PassThrough();
        const output = collectOutput(docker, stream, new AbortController().signal);
        stream.write(frame(1, 'parity-probe\t1\n'));
        stream.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
        await assert.rejects(output, /ECONNRESET/);
    });

    it('with keepOnBreak, what arrived before the break is the answer, and cutOff says why', async () => {
        const stream = new PassThrough();
        const output = collectOutput(docker, stream, new AbortController().signal, 1024, true);
        stream.write(frame(1, 'parity-probe\t1\nuname\tLinux\n'));
        stream.write(frame(2, 'warning\n'));
        await new Promise((resolve) => setImmediate(resolve));
        stream.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
        assert.deepEqual(await output, {
            stdout: 'parity-probe\t1\nuname\tLinux\n',
            stderr: 'warning\n',
            truncated: false,
            cutOff: 'ECONNRESET',
        });
    });

    it('with keepOnBreak, cancelling still rejects', async () => {
        const stream = new PassThrough();
        const controller = new AbortController();
        const output = collectOutput(docker, stream, controller.signal, 1024, true);
        controller.abort(new Error('cancelled by the user'));
        await assert.rejects(output, /cancelled by the user/);
    });
});
