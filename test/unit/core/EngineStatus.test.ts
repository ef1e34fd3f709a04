import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareApiVersions, supportsBuildKit } from '../../../src/core/buildkitSupport';
import {
    type EngineStatus,
    formatEngineStatus,
    platformOf,
    summarizeEngineStatus,
} from '../../../src/core/EngineStatus';
import { formatBytes } from '../../../src/core/formatBytes';

const status: EngineStatus = {
    address: 'unix:///var/run/docker.sock',
    source: 'the default socket',
    engineVersion: '20.10.24',
    apiVersion: '1.41',
    minApiVersion: '1.12',
    osType: 'linux',
    arch: 'x86_64',
    operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.1.0',
    storageDriver: 'overlay2',
    cgroupVersion: '1',
    cpus: 2,
    memoryBytes: 25_000_000_000,
    swarm: 'inactive',
    buildkit: true,
    pingMs: 3,
};

describe('engine status', () => {
    it('uses Docker platform names', () => {
        assert.equal(platformOf(status), 'linux/amd64');
        assert.equal(platformOf({ osType: 'linux', arch: 'aarch64' }), 'linux/arm64');
        assert.equal(platformOf({ osType: 'windows', arch: 'x86_64' }), 'windows/amd64');
    });

    it('summarizes on one line with version, API, platform, BuildKit and address', () => {
        assert.equal(
            summarizeEngineStatus(status),
            'Docker 20.10.24 (API 1.41) · linux/amd64 · BuildKit available — unix:///var/run/docker.sock',
        );
    });

    it('formats aligned report lines and leaves out what is unknown', () => {
        const lines = formatEngineStatus({ ...status, storageDriver: undefined as never, cpus: undefined as never });
        assert.equal(lines[0], 'Address:  unix:///var/run/docker.sock (from the default socket)');
        assert.ok(lines.includes('API:      1.41 (accepts 1.12 and later)'));
        assert.ok(lines.includes('Memory:   23.3 GiB'));
        assert.ok(!lines.some((line) => line.startsWith('Storage') || line.startsWith('CPUs')));
        const valueColumns = lines.map((line) => /^\S+:\s+/.exec(line)?.[0].length);
        assert.deepEqual(new Set(valueColumns), new Set([10]));
    });

    it('formats sizes in binary units', () => {
        assert.equal(formatBytes(512), '512 B');
        assert.equal(formatBytes(1536), '1.5 KiB');
        assert.equal(formatBytes(75 * 1024 * 1024), '75.0 MiB');
    });

    it('knows where BuildKit exists', () => {
        assert.equal(compareApiVersions('1.9', '1.10'), -1);
        assert.equal(compareApiVersions('1.41', '1.41'), 0);
        assert.equal(supportsBuildKit('linux', '1.41'), true);
        assert.equal(supportsBuildKit('linux', '1.38'), false);
        assert.equal(supportsBuildKit('windows', '1.41'), false);
    });
});
