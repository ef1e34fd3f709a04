import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pidsEventsPath, refusedForks, saysForkRefused } from '../../../../src/core/sandbox/pidsCgroup';

const id = 'b588b41682b9799623562a7b11dc9234b7720205947328b02c949101dc09d860';

describe('pidsEventsPath', () => {
    it('finds the pids hierarchy of cgroup v1 (cgroupfs and systemd drivers)', () => {
        const v1 = `9:name=systemd:/docker/${id}\n8:pids:/docker/${id}\n4:memory:/docker/${id}\n0::/docker/${id}\n`;
        assert.equal(pidsEventsPath(v1, id), `/sys/fs/cgroup/pids/docker/${id}/pids.events`);
        const systemd = `5:pids:/system.slice/docker-${id}.scope\n`;
        assert.equal(pidsEventsPath(systemd, id), `/sys/fs/cgroup/pids/system.slice/docker-${id}.scope/pids.events`);
    });

    it('uses the unified hierarchy on cgroup v2', () => {
        assert.equal(
            pidsEventsPath(`0::/system.slice/docker-${id}.scope\n`, id),
            `/sys/fs/cgroup/system.slice/docker-${id}.scope/pids.events`,
        );
    });

    it('refuses a process that is not the container (another PID namespace)', () => {
        assert.equal(pidsEventsPath('8:pids:/user.slice\n0::/user.slice\n', id), null);
        assert.equal(pidsEventsPath('', id), null);
    });
});

describe('refusedForks', () => {
    it('reads the max counter', () => {
        assert.equal(refusedForks('max 0\n'), 0);
        assert.equal(refusedForks('max 27\n'), 27);
        assert.equal(refusedForks(''), null);
    });

    it('saysForkRefused: the words of a refused fork, in shells and runtimes; not other failures', () => {
        assert.equal(saysForkRefused(['starting', "sh: can't fork: Resource temporarily unavailable"]), true);
        assert.equal(saysForkRefused(['bash: fork: retry: Resource temporarily unavailable']), true);
        assert.equal(saysForkRefused(['Error: spawn /bin/sh EAGAIN']), true);
        assert.equal(saysForkRefused(['open /data/x: Resource temporarily unavailable', 'exit 1']), false);
        assert.equal(saysForkRefused(['Error: listen EADDRINUSE: address already in use :::3000']), false);
        assert.equal(saysForkRefused([]), false);
    });
});
