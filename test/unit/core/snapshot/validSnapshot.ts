import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';

/** A small snapshot with every section filled in, as a file on disk would hold it. */
export const validSnapshot: Snapshot = {
    schemaVersion: 1,
    meta: {
        capturedAt: '2026-11-28T00:00:00.000Z',
        source: { kind: 'host', ref: 'laptop' },
        tool: { name: 'parity', version: '0.1.0' },
    },
    platform: { os: 'linux', distro: null, kernel: null, arch: 'amd64', libc: { family: 'glibc', version: '2.36' } },
    runtimes: {
        node: {
            declared: [{ file: '.nvmrc', line: 1, source: '.nvmrc', raw: '20', range: '20' }],
            installed: { version: '20.11.1', path: '/usr/bin/node', manager: 'system' },
        },
    },
    packageManagers: [{ name: 'npm', ecosystem: 'node', declared: null, installed: '10.2.4', evidence: 'default' }],
    lockfiles: [{ file: 'package-lock.json', manager: 'npm', packageRoot: '.' }],
    nativeDependencies: [],
    systemPackages: { manager: 'dpkg', packages: { libc6: '2.36-9' } },
    env: { PATH: { sha256: 'a'.repeat(64), secret: false, source: 'process' } },
    locale: { vars: { LANG: 'C.UTF-8', LC_ALL: null }, effective: 'C.UTF-8', encoding: 'UTF-8' },
    timezone: { name: 'UTC', tzVar: null, offsetMinutes: 0 },
    user: { uid: 1000, gid: 1000, name: 'dev', home: '/home/dev' },
    umask: '0022',
    limits: { nofile: { soft: 1024, hard: 4096 }, nproc: null },
    resources: { cpus: 2, memoryBytes: 8 * 1024 ** 3, memoryLimitBytes: null },
    app: {
        root: '.',
        ecosystem: 'node',
        framework: null,
        startCommand: { value: ['node', 'server.js'], how: 'package.json start' },
        ports: [{ value: 3000, how: 'default' }],
        entry: null,
        workspacePackages: [],
    },
    filesystem: { caseSensitive: true },
    certificates: { extra: [], settings: {} },
    issues: [],
};
