import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { streamIdleDeadline } from '../../../src/engine/streamIdleDeadline';

describe('streamIdleDeadline', () => {
    it('each chunk pushes the deadline back; silence for the limit aborts with a timeout that names the call', async () => {
        const stream = new PassThrough();
        stream.resume();
        const idle = streamIdleDeadline(stream, 200, 'unix:///x.sock', 'pulling image a:1');
        for (let i = 0; i < 4; i++) {
            await sleep(100);
            stream.write('progress\n');
        }
        assert.equal(idle.signal.aborted, false, 'a stream that keeps talking is never cut');
        await sleep(400);
        assert.equal(idle.signal.aborted, true);
        assert.equal(idle.signal.reason, idle.error);
        assert.equal(idle.error.kind, 'timeout');
        assert.match(
            idle.error.message,
            /^Docker at unix:\/\/\/x\.sock stopped sending while pulling image a:1: nothing arrived for 0\.2 s, so it was abandoned\./,
        );
        idle.stop();
    });

    it('stop() ends the watch: no abort afterwards', async () => {
        const stream = new PassThrough();
        const idle = streamIdleDeadline(stream, 50, 'unix:///x.sock', 'pulling image a:1');
        idle.stop();
        await sleep(120);
        assert.equal(idle.signal.aborted, false);
    });
});
