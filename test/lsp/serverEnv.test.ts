import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SERVER_GLIBC_TUNABLES, serverEnv } from '../../src/core/lsp/serverEnv';

describe('serverEnv', () => {
    it('gives the server the malloc tunables', () => {
        assert.deepEqual(serverEnv(undefined), { GLIBC_TUNABLES: SERVER_GLIBC_TUNABLES });
        assert.deepEqual(serverEnv(''), { GLIBC_TUNABLES: SERVER_GLIBC_TUNABLES });
    });

    it('keeps the tunables the user set, after ours so that theirs win', () => {
        assert.equal(
            serverEnv('glibc.malloc.arena_max=4').GLIBC_TUNABLES,
            `${SERVER_GLIBC_TUNABLES}:glibc.malloc.arena_max=4`,
        );
    });
});
