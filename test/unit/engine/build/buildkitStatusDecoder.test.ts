import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Writer } from 'protobufjs';
import type { BuildkitStatusDecoder } from '../../../../src/core/build/BuildkitStatus';
import { loadBuildkitStatusDecoder } from '../../../../src/engine/build/buildkitStatusDecoder';

/** A message written field by field with the numbers of BuildKit's control.proto (not from the schema under test). */
type Field = [number, string | Uint8Array | number];
function message(...fields: Field[]): Uint8Array {
    const writer = Writer.create();
    for (const [number, value] of fields) {
        if (typeof value === 'number') {
            writer.uint32((number << 3) | 0).int64(value);
        } else if (typeof value === 'string') {
            writer.uint32((number << 3) | 2).string(value);
        } else {
            writer.uint32((number << 3) | 2).bytes(value);
        }
    }
    return writer.finish();
}
const timestamp = (ms: number): Uint8Array => message([1, Math.floor(ms / 1000)], [2, (ms % 1000) * 1e6]);

describe('BuildKit status decoding (protobufjs, dockerode buildkit_status.proto)', () => {
    let decode: BuildkitStatusDecoder;
    before(async () => {
        decode = await loadBuildkitStatusDecoder();
    });

    it('reads vertexes, statuses, logs and warnings (field numbers of BuildKit control.proto)', () => {
        const vertex = message(
            [1, 'sha256:abc'],
            [2, 'sha256:parent'],
            [3, '[2/3] RUN npm ci'],
            [4, 1],
            [5, timestamp(1_795_827_792_013)],
            [6, timestamp(1_795_827_794_166)],
            [7, 'exit code: 1'],
        );
        const status = message([1, 'extracting'], [2, 'sha256:abc'], [4, 5_000_000_000], [5, 10_000_000_000]);
        const log = message([1, 'sha256:abc'], [2, timestamp(0)], [3, 2], [4, Buffer.from('npm ERR!\n')]);
        const range = message([1, message([1, 7], [2, 0])]);
        const warning = message(
            [1, 'sha256:abc'],
            [2, 1],
            [3, Buffer.from('Empty continuation line')],
            [4, Buffer.from('detail one')],
            [5, 'https://docs.docker.com'],
            [7, range],
        );
        const decoded = decode(message([1, vertex], [2, status], [3, log], [4, warning]));
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
        assert.deepEqual(decode(new Uint8Array()), { vertexes: [], statuses: [], logs: [], warnings: [] });
        assert.throws(() => decode(Buffer.from([0x0a, 0x05, 0x61])), RangeError);
    });
});
