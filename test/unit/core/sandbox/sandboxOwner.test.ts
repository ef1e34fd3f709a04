import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, it } from 'node:test';
import { currentOwner, ownerIsGone, ownerLabel, processIsRunning } from '../../../../src/core/sandbox/sandboxOwner';
import { sandboxPolicy } from '../../../../src/core/sandbox/sandboxPolicy';
import { sandboxRows } from '../../../../src/core/sandbox/sandboxRows';

describe('sandboxOwner', () => {
    const here = { host: 'laptop', isRunning: (pid: number) => pid === 100 };

    it('labels a sandbox with the pid and host of the process that runs it, and reads the label back as a row', () => {
        assert.equal(ownerLabel({ host: 'laptop', pid: 4242 }), '4242@laptop');
        assert.deepEqual(currentOwner(), { host: hostname(), pid: process.pid });
        const policy = sandboxPolicy({
            name: 'parity-sandbox-web-1',
            image: { ref: 'web:parity', config: null },
            port: 3000,
            settings: { ownerLabel: '4242@laptop' },
        });
        assert.equal(policy.create.Labels['parity.owner'], '4242@laptop');
        const [row] = sandboxRows([
            {
                Id: 'a',
                Names: ['/parity-sandbox-web-1'],
                Image: 'web:parity',
                State: 'running',
                Status: 'Up',
                Created: 1,
                Labels: policy.create.Labels,
            },
        ]);
        assert.equal(row?.owner, '4242@laptop');
    });

    it('an owner is gone only when it ran on this host and its process no longer exists', () => {
        assert.equal(ownerIsGone('200@laptop', here), true);
        assert.equal(ownerIsGone('100@laptop', here), false, 'its window still runs');
        assert.equal(ownerIsGone('200@other-machine', here), false, 'another host: cannot tell, left alone');
        assert.equal(ownerIsGone(null, here), false, 'no owner (the CLI, --detach): left alone');
        assert.equal(ownerIsGone('garbage', here), false);
    });

    it('tells a live process from one that has exited', () => {
        assert.equal(processIsRunning(process.pid), true);
        const ended = spawnSync(process.execPath, ['-e', '']).pid;
        assert.ok(ended);
        assert.equal(processIsRunning(ended), false);
    });
});
