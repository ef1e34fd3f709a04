import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import {
    factsWithoutShell,
    type FilesWithoutShell,
    userFromConfig,
} from '../../../../src/core/probe/factsWithoutShell';
import { appFromConfig, DEFAULT_CONTAINER_PATH } from '../../../../src/core/probe/imageConfig';
import { hashEnvValue } from '../../../../src/core/snapshot/hashEnvValue';
import type { CaptureIssue } from '../../../../src/core/snapshot/Snapshot';

const KEY = EnvHashKey.generate();

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n';
const GROUP = 'root:x:0:\nnonroot:x:65532:\nstaff:x:50:\n';
const none: FilesWithoutShell = {
    osRelease: null,
    passwd: null,
    group: null,
    timezoneFile: null,
    localtime: { exists: false, link: null },
    dpkgStatus: null,
    apkInstalled: null,
    loaders: { musl: false, glibc: false },
    caFiles: [],
    missingCaPaths: [],
};

describe('factsWithoutShell (distroless and scratch images)', () => {
    it('a distroless-like image: dpkg status.d, glibc from libc6, its user, hashed env, the engine-added PATH and HOME', () => {
        const facts = factsWithoutShell(
            {
                Env: ['SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt', 'API_KEY=do-not-store'],
                User: 'nonroot',
                WorkingDir: '/app',
                Os: 'linux',
                Architecture: 'arm64',
            },
            {
                ...none,
                osRelease: 'PRETTY_NAME="Distroless"\nID=debian\nVERSION_ID="12"\n',
                passwd: PASSWD,
                group: GROUP,
                localtime: { exists: true, link: '/usr/share/zoneinfo/Etc/UTC' },
                dpkgStatus: [
                    'Package: libc6\nVersion: 2.36-9+deb12u4\nArchitecture: arm64\n',
                    'Package: tzdata\nVersion: 2024a-0+deb12u1\n\nPackage: gone\nVersion: 1\nStatus: deinstall ok config-files\n',
                ],
                loaders: { musl: false, glibc: true },
                missingCaPaths: [{ via: 'SSL_CERT_FILE', path: '/etc/ssl/certs/ca-certificates.crt' }],
            },
            'image',
            'The image has no /bin/sh.',
            KEY,
        );
        assert.deepEqual(facts.platform, {
            os: 'linux',
            distro: { id: 'debian', versionId: '12', prettyName: 'Distroless' },
            kernel: null,
            arch: 'arm64',
            libc: { family: 'glibc', version: '2.36' },
        });
        assert.deepEqual(facts.systemPackages, {
            manager: 'dpkg',
            packages: { libc6: '2.36-9+deb12u4', tzdata: '2024a-0+deb12u1' },
        });
        assert.deepEqual(facts.user, { uid: 65532, gid: 65532, name: 'nonroot', home: '/home/nonroot' });
        assert.deepEqual(Object.keys(facts.env), ['API_KEY', 'HOME', 'PATH', 'SSL_CERT_FILE']);
        assert.equal(facts.env.HOME?.sha256, hashEnvValue(KEY, 'HOME', '/home/nonroot'));
        assert.equal(facts.env.PATH?.sha256, hashEnvValue(KEY, 'PATH', DEFAULT_CONTAINER_PATH));
        assert.equal(facts.env.API_KEY?.secret, true);
        assert.ok(!JSON.stringify(facts).includes('do-not-store'));
        assert.deepEqual(facts.certificates.settings, { SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' });
        assert.equal(facts.timezone.name, 'Etc/UTC');
        assert.equal(facts.workingDir, '/app');
        assert.deepEqual(
            [facts.runtimes, facts.umask, facts.limits, facts.resources.cpus, facts.filesystem.caseSensitive],
            [{}, null, { nofile: null, nproc: null }, null, null],
        );
        assert.equal(facts.issues[0]?.severity, 'warning');
        assert.match(facts.issues[0]?.message ?? '', /^The image has no \/bin\/sh\. Parity read the image config/);
        assert.match(
            facts.issues.map((issue) => issue.message).join('\n'),
            /SSL_CERT_FILE names \/etc\/ssl\/certs\/ca-certificates\.crt/,
        );
    });

    it('a scratch image with one static binary: libc none, root, and still the engine defaults', () => {
        const facts = factsWithoutShell({ Env: null, Architecture: 'amd64' }, none, 'image', 'No shell.', KEY);
        assert.deepEqual(facts.platform.libc, { family: 'none', version: null });
        assert.equal(facts.platform.distro, null);
        assert.equal(facts.systemPackages, null);
        assert.deepEqual(facts.user, { uid: 0, gid: 0, name: null, home: '/' });
        assert.deepEqual(Object.keys(facts.env), ['HOME', 'PATH']);
        assert.deepEqual(facts.timezone, { name: 'UTC', tzVar: null, offsetMinutes: null });
        assert.equal(facts.workingDir, '/');
    });

    it('an apk database gives musl and its version', () => {
        const facts = factsWithoutShell(
            {},
            { ...none, apkInstalled: 'C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\n\nP:busybox\nV:1.36.1-r5\n' },
            'image',
            'No shell.',
            KEY,
        );
        assert.deepEqual(facts.platform.libc, { family: 'musl', version: '1.2.4' });
        assert.deepEqual(facts.systemPackages, {
            manager: 'apk',
            packages: { busybox: '1.36.1-r5', musl: '1.2.4-r2' },
        });
    });
});

describe('userFromConfig resolves USER like the engine', () => {
    const issues: CaptureIssue[] = [];
    it('names, numbers, groups', () => {
        assert.deepEqual(userFromConfig('', PASSWD, GROUP, issues), { uid: 0, gid: 0, name: 'root', home: '/root' });
        assert.deepEqual(userFromConfig('65532', PASSWD, GROUP, issues), {
            uid: 65532,
            gid: 65532,
            name: 'nonroot',
            home: '/home/nonroot',
        });
        assert.deepEqual(userFromConfig('1234:50', PASSWD, GROUP, issues), {
            uid: 1234,
            gid: 50,
            name: null,
            home: '/',
        });
        assert.deepEqual(userFromConfig('nonroot:staff', PASSWD, GROUP, issues), {
            uid: 65532,
            gid: 50,
            name: 'nonroot',
            home: '/home/nonroot',
        });
        assert.deepEqual(issues, []);
    });
    it('uid 0 written as +0, 000 or 000:1000 is root by number, as the engine reads it', () => {
        const found: CaptureIssue[] = [];
        assert.deepEqual(userFromConfig('+0', PASSWD, GROUP, found), { uid: 0, gid: 0, name: 'root', home: '/root' });
        assert.deepEqual(userFromConfig('000:1000', PASSWD, GROUP, found), {
            uid: 0,
            gid: 1000,
            name: 'root',
            home: '/root',
        });
        assert.deepEqual(found, []);
    });
    it('a uid or gid beyond 32 bits is reported and not kept', () => {
        const found: CaptureIssue[] = [];
        assert.deepEqual(userFromConfig('99999999999:77777777777', PASSWD, GROUP, found), {
            uid: null,
            gid: null,
            name: null,
            home: '/',
        });
        assert.match(found[0]?.message ?? '', /"99999999999" is not a uid the engine accepts/);
    });
    it('an unknown name is reported: the engine would not start it', () => {
        assert.deepEqual(userFromConfig('ghost', PASSWD, GROUP, issues), {
            uid: null,
            gid: null,
            name: 'ghost',
            home: null,
        });
        assert.match(issues[0]?.message ?? '', /"ghost" is not in \/etc\/passwd/);
    });
});

describe('appFromConfig', () => {
    it('entrypoint then command, TCP ports only, sorted', () => {
        const app = appFromConfig(
            {
                Entrypoint: ['docker-entrypoint.sh'],
                Cmd: ['node', 'server.js'],
                ExposedPorts: { '8080/tcp': {}, '53/udp': {}, '3000/tcp': {} },
            },
            'image config',
        );
        assert.deepEqual(app?.startCommand, {
            value: ['docker-entrypoint.sh', 'node', 'server.js'],
            how: 'image config Entrypoint + Cmd',
        });
        assert.deepEqual(app?.ports, [
            { value: 3000, how: 'image config ExposedPorts' },
            { value: 8080, how: 'image config ExposedPorts' },
        ]);
    });
    it('a shell-form entrypoint, and nothing at all', () => {
        assert.deepEqual(appFromConfig({ Entrypoint: 'exec app --port 80' }, 'image config')?.startCommand?.value, [
            '/bin/sh',
            '-c',
            'exec app --port 80',
        ]);
        assert.equal(appFromConfig({ Cmd: null, Entrypoint: null }, 'image config'), null);
    });
});
