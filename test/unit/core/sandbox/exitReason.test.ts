import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitFailed, exitReason } from '../../../../src/core/sandbox/exitReason';

const base = {
    code: 0,
    oomKilled: false,
    pidsLimitHit: false,
    stopped: false,
    memoryBytes: 512 * 1024 * 1024,
    pids: 256,
};

describe('exitReason', () => {
    it('names the limit that ended the app, before its exit code', () => {
        assert.equal(
            exitReason({ ...base, code: 137, oomKilled: true }),
            'exceeded the 512 MiB memory limit (killed for lack of memory)',
        );
        assert.equal(
            exitReason({ ...base, code: 137, oomKilled: true, memoryBytes: 1.5 * 1024 * 1024 }),
            'exceeded the 1.5 MiB memory limit (killed for lack of memory)',
        );
        assert.equal(
            exitReason({ ...base, code: 137, pidsLimitHit: true, stopped: false }),
            'hit the limit of 256 processes (a fork was refused; Parity stopped it)',
        );
    });

    it('says stopped when asked to stop, else the exit code with the signal', () => {
        assert.equal(exitReason({ ...base, code: 143, stopped: true }), 'stopped');
        assert.equal(exitReason({ ...base, code: 3 }), 'exited with code 3');
        assert.equal(exitReason({ ...base, code: 0 }), 'exited with code 0');
        assert.equal(exitReason({ ...base, code: 139 }), 'exited with code 139 (killed by SIGSEGV)');
        assert.equal(exitReason({ ...base, code: null }), 'ended; the engine could not tell the exit code');
    });

    it('counts limits and non-zero codes as failures, a requested stop not', () => {
        assert.equal(exitFailed({ code: 0, oomKilled: false, pidsLimitHit: false, stopped: false }), false);
        assert.equal(exitFailed({ code: 143, oomKilled: false, pidsLimitHit: false, stopped: true }), false);
        assert.equal(exitFailed({ code: 1, oomKilled: false, pidsLimitHit: false, stopped: false }), true);
        assert.equal(exitFailed({ code: 137, oomKilled: true, pidsLimitHit: false, stopped: true }), true);
        assert.equal(exitFailed({ code: 0, oomKilled: false, pidsLimitHit: true, stopped: false }), true);
    });
});
