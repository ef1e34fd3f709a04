import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBuildkitStatus } from '../../../../src/core/build/buildkitStatus';
import { readWireFields, WireWriter } from '../../../../src/core/build/protobufWire';

const timestamp = (ms: number): Buffer =>
    new WireWriter()
        .varint(1, Math.floor(ms / 1000))
        .varint(2, (ms % 1000) * 1e6)
        .finish();

describe('decodeBuildkitStatus', () => {
    it('reads vertexes, statuses, logs and warnings (field numbers of BuildKit control.proto)', () => {
        const vertex = new WireWriter()
            .bytes(1, 'sha256:abc')
            .bytes(2, 'sha256:parent')
            .bytes(3, '[2/3] RUN npm ci')
            .varint(4, 1)
            .bytes(5, timestamp(1_795_827_792_013))
            .bytes(6, timestamp(1_795_827_794_166))
            .bytes(7, 'exit code: 1')
            .finish();
        const status = new WireWriter()
            .bytes(1, 'extracting')
            .bytes(2, 'sha256:abc')
            .varint(4, 5_000_000_000n)
            .varint(5, 10_000_000_000n)
            .finish();
        const log = new WireWriter()
            .bytes(1, 'sha256:abc')
            .bytes(2, timestamp(0))
            .varint(3, 2)
            .bytes(4, Buffer.from('npm ERR!\n'))
            .finish();
        const range = new WireWriter().bytes(1, new WireWriter().varint(1, 7).varint(2, 0).finish()).finish();
        const warning = new WireWriter()
            .bytes(1, 'sha256:abc')
            .varint(2, 1)
            .bytes(3, 'Empty continuation line')
            .bytes(4, 'detail one')
            .bytes(5, 'https://docs.docker.com')
            .bytes(7, range)
            .finish();
        const message = new WireWriter().bytes(1, vertex).bytes(2, status).bytes(3, log).bytes(4, warning).finish();

        const decoded = decodeBuildkitStatus(message);
        assert.deepEqual(decoded.vertexes, [
            {
                digest: 'sha256:abc',
                name: '[2/3] RUN npm ci',
                cached: true,
                started: 1_795_827_792_013,
                completed: 1_795_827_794_166,
                error: 'exit code: 1',
            },
        ]);
        assert.deepEqual(decoded.statuses, [
            { id: 'extracting', vertex: 'sha256:abc', name: '', current: 5_000_000_000, total: 10_000_000_000 },
        ]);
        assert.deepEqual(
            decoded.logs.map((entry) => ({ ...entry, data: entry.data.toString() })),
            [{ vertex: 'sha256:abc', stream: 2, data: 'npm ERR!\n' }],
        );
        assert.deepEqual(decoded.warnings, [
            {
                vertex: 'sha256:abc',
                short: 'Empty continuation line',
                detail: ['detail one'],
                url: 'https://docs.docker.com',
                line: 7,
            },
        ]);
    });

    it('an empty message is an empty status; a truncated one throws', () => {
        assert.deepEqual(decodeBuildkitStatus(new Uint8Array()), {
            vertexes: [],
            statuses: [],
            logs: [],
            warnings: [],
        });
        assert.throws(() => readWireFields(Buffer.from([0x0a, 0x05, 0x61])), /truncated/);
    });
});
