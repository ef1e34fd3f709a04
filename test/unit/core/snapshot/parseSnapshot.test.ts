import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSnapshot } from '../../../../src/core/snapshot/parseSnapshot';

const minimal = {
    schemaVersion: 1,
    meta: { capturedAt: '2026-11-28T00:00:00.000Z', source: { kind: 'host', ref: 'laptop' }, tool: { name: 'parity', version: '0.1.0' } },
    platform: { os: 'linux', distro: null, kernel: null, arch: 'amd64', libc: { family: 'glibc', version: '2.36' } },
    runtimes: {},
    packageManagers: [],
    lockfiles: [],
    nativeDependencies: [],
    env: {},
    locale: { effective: 'C.UTF-8' },
    timezone: { name: 'UTC' },
    user: null,
    limits: { nofile: null, nproc: null },
    resources: { cpus: 2, memoryBytes: null, memoryLimitBytes: null },
    filesystem: { caseSensitive: true },
    certificates: { extra: [] },
};

describe('parseSnapshot', () => {
    it('reads a saved snapshot', () => {
        const snapshot = parseSnapshot(JSON.stringify(minimal), 'prod.snapshot.json');
        assert.equal(snapshot.platform.libc.version, '2.36');
        assert.equal(snapshot.resources.cpus, 2);
    });

    it('names the file and the problem: not JSON, not an object, another schema version, missing fields', () => {
        assert.throws(() => parseSnapshot('{ nope', 'a.json'), /^Error: a\.json is not a snapshot: .*JSON/);
        assert.throws(() => parseSnapshot('[1, 2]', 'b.json'), /b\.json is not a snapshot: it holds no JSON object/);
        assert.throws(() => parseSnapshot(JSON.stringify({ ...minimal, schemaVersion: 2 }), 'c.json'), /c\.json has schemaVersion 2; this Parity reads version 1/);
        const partial: Partial<typeof minimal> = { ...minimal };
        delete partial.limits;
        delete partial.certificates;
        assert.throws(() => parseSnapshot(JSON.stringify(partial), 'd.json'), /d\.json is not a Parity snapshot \(no limits, certificates\)/);
    });
});
