import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { container, diff, env, host, image, only } from './diffFixtures';

const node = (version: string): Snapshot['runtimes'] => ({
    node: { declared: [], installed: { version, path: null, manager: 'image' } },
});

describe('diffSnapshots', () => {
    it('an environment diffed with itself has no findings, and different source kinds alone are fine', () => {
        assert.deepEqual(diff(host, host).findings, []);
        assert.deepEqual(diff(host, image).findings, []);
        assert.equal(diff(host, image).ignored, 0);
    });

    it('volatile facts are never findings: capture time, source, tool, kernel, user name and home, TZ as written', () => {
        const other: Snapshot = {
            ...image,
            meta: {
                capturedAt: '2030-01-01T00:00:00.000Z',
                source: { kind: 'container', ref: 'web-1', id: 'f'.repeat(64) },
                tool: { name: 'parity', version: '9.9.9' },
                projectRoot: '/srv',
                durationMs: 1234,
            },
            platform: {
                ...image.platform,
                kernel: '6.1.0-container',
                distro: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
            },
            user: { uid: 1000, gid: 1000, name: 'app', home: '/app' },
            timezone: { name: 'UTC', tzVar: 'UTC', offsetMinutes: 0 },
            locale: { ...image.locale, vars: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
            issues: [{ severity: 'warning', message: 'something odd' }],
            packageManagers: [],
            lockfiles: [],
        };
        assert.deepEqual(diff(host, other).findings, []);
    });

    describe('runtimes', () => {
        it('ranks version differences: major error, minor warning, patch info', () => {
            assert.equal(only(diff(host, { ...image, runtimes: node('22.1.0') }), 'runtime.major').severity, 'error');
            assert.equal(
                only(diff(host, { ...image, runtimes: node('20.12.0') }), 'runtime.minor').severity,
                'warning',
            );
            const patch = only(diff(host, { ...image, runtimes: node('20.11.2') }), 'runtime.patch');
            assert.deepEqual(
                [patch.severity, patch.facet, patch.key, patch.from, patch.to],
                ['info', 'runtimes', 'node', '20.11.1', '20.11.2'],
            );
        });

        it("uses each runtime's scheme: PEP 440, Java feature releases, Go", () => {
            const python = (version: string): Snapshot['runtimes'] => ({
                python: { declared: [], installed: { version, path: null, manager: 'system' } },
            });
            assert.equal(
                only(
                    diff({ ...host, runtimes: python('3.11.7') }, { ...image, runtimes: python('3.12.1') }),
                    'runtime.minor',
                ).key,
                'python',
            );
            const java = (version: string): Snapshot['runtimes'] => ({
                java: { declared: [], installed: { version, path: null, manager: 'system' } },
            });
            assert.equal(
                only(
                    diff({ ...host, runtimes: java('1.8.0_392') }, { ...image, runtimes: java('17.0.15') }),
                    'runtime.major',
                ).severity,
                'error',
            );
            const go = (version: string): Snapshot['runtimes'] => ({
                go: { declared: [], installed: { version, path: null, manager: 'system' } },
            });
            assert.equal(
                only(diff({ ...host, runtimes: go('go1.22.3') }, { ...image, runtimes: go('1.22.5') }), 'runtime.patch')
                    .severity,
                'info',
            );
            assert.equal(
                only(diff({ ...host, runtimes: node('weird') }, { ...image, runtimes: node('odd') }), 'runtime.version')
                    .severity,
                'warning',
            );
        });

        it('a runtime missing on one side is an error', () => {
            const finding = only(diff(host, { ...image, runtimes: {} }), 'runtime.missing');
            assert.deepEqual([finding.severity, finding.from, finding.to], ['error', '20.11.1', null]);
            assert.match(finding.message, /not installed on the to side \(image app:1\)/);
        });

        it('reports a side whose runtime breaks a pin the other side keeps, with a fix on that side', () => {
            const pinned = (version: string): Snapshot['runtimes'] => ({
                node: {
                    declared: [{ file: '.nvmrc', line: 1, source: '.nvmrc', raw: '18', range: '18.x' }],
                    installed: { version, path: null, manager: 'nvm' },
                },
            });
            const finding = only(
                diff({ ...host, runtimes: pinned('18.20.4') }, { ...image, runtimes: pinned('20.11.1') }),
                'runtime.unsatisfied',
            );
            assert.deepEqual([finding.severity, finding.fix?.[0]?.side], ['warning', 'to']);
            assert.match(finding.message, /node 20\.11\.1 runs on the to side \(image app:1\)/);
            const both = diff({ ...host, runtimes: pinned('20.11.1') }, { ...image, runtimes: pinned('20.11.1') });
            assert.deepEqual(
                both.findings,
                [],
                "a pin both sides break alike is the project's problem, not a difference",
            );
        });
    });

    describe('platform', () => {
        it('two snapshots of different OSes are a finding, not a crash', () => {
            const mac: Snapshot = {
                ...host,
                platform: {
                    os: 'darwin',
                    distro: null,
                    kernel: '23.1.0',
                    arch: 'arm64',
                    libc: { family: 'libsystem', version: null },
                },
                systemPackages: null,
                filesystem: { caseSensitive: false },
            };
            const result = diff(mac, image);
            assert.equal(only(result, 'platform.os').severity, 'error');
            assert.equal(only(result, 'platform.arch').severity, 'error');
            assert.equal(only(result, 'platform.libc-family').severity, 'error');
            assert.equal(only(result, 'filesystem.case').severity, 'warning');
            assert.ok(
                result.unknown.some(
                    (unknown) => unknown.facet === 'platform' && unknown.key === 'distro' && unknown.side === 'from',
                ),
            );
            assert.ok(result.unknown.some((unknown) => unknown.facet === 'packages' && unknown.side === 'from'));
        });

        it('glibc against musl is an error; another glibc version a warning; another distro release info', () => {
            const alpine: Snapshot = {
                ...image,
                platform: {
                    ...image.platform,
                    distro: { id: 'alpine', versionId: '3.20', prettyName: null },
                    libc: { family: 'musl', version: '1.2.5' },
                },
            };
            const result = diff(host, alpine);
            assert.equal(only(result, 'platform.libc-family').severity, 'error');
            assert.equal(only(result, 'platform.distro').severity, 'warning');
            assert.equal(
                only(
                    diff(host, {
                        ...image,
                        platform: { ...image.platform, libc: { family: 'glibc', version: '2.31' } },
                    }),
                    'platform.libc-version',
                ).severity,
                'warning',
            );
            assert.equal(
                only(
                    diff(host, {
                        ...image,
                        platform: { ...image.platform, distro: { id: 'debian', versionId: '11', prettyName: null } },
                    }),
                    'platform.distro-version',
                ).severity,
                'info',
            );
        });

        it('a libc nobody could identify is unknown, not a difference', () => {
            const result = diff(host, {
                ...image,
                platform: { ...image.platform, libc: { family: 'unknown', version: null } },
            });
            assert.deepEqual(result.findings, []);
            assert.ok(
                result.unknown.some(
                    (unknown) => unknown.facet === 'platform' && unknown.key === 'libc' && unknown.side === 'to',
                ),
            );
        });
    });

    describe('packages', () => {
        it('each added, removed and changed package is a finding in the packages facet, info by default', () => {
            const result = diff(
                {
                    ...host,
                    systemPackages: { manager: 'dpkg', packages: { libc6: '2.36-9', curl: '7.88', zlib1g: '1.2' } },
                },
                {
                    ...image,
                    systemPackages: { manager: 'dpkg', packages: { libc6: '2.36-10', curl: '7.88', git: '2.39' } },
                },
            );
            assert.deepEqual(
                result.findings.map((finding) => [finding.rule, finding.key, finding.severity, finding.facet]),
                [
                    ['packages.added', 'git', 'info', 'packages'],
                    ['packages.changed', 'libc6', 'info', 'packages'],
                    ['packages.removed', 'zlib1g', 'info', 'packages'],
                ],
            );
        });

        it('a package a native dependency needs is a warning', () => {
            const result = diff(
                {
                    ...host,
                    nativeDependencies: [
                        {
                            name: 'sharp',
                            ecosystem: 'node',
                            reason: 'known native package',
                            needs: ['libvips-dev'],
                            declaredAt: { file: 'package.json', line: 9 },
                        },
                    ],
                    systemPackages: { manager: 'dpkg', packages: { 'libvips-dev': '8.14' } },
                },
                { ...image, systemPackages: { manager: 'dpkg', packages: {} } },
            );
            const finding = only(result, 'packages.native');
            assert.equal(finding.severity, 'warning');
            assert.match(finding.message, /sharp needs it/);
        });

        it('packages of different managers are not compared name by name', () => {
            const result = diff(host, { ...image, systemPackages: { manager: 'apk', packages: { musl: '1.2' } } });
            assert.deepEqual(result.findings, []);
            assert.ok(
                result.unknown.some((unknown) => unknown.facet === 'packages' && /dpkg against apk/.test(unknown.why)),
            );
        });
    });

    describe('env', () => {
        it('a missing variable is a warning, a required one an error, one only on the to side info', () => {
            const from = { ...image, env: { API_URL: env('a'), DATABASE_URL: env('b') } };
            const to = { ...container, env: { EXTRA: env('c') } };
            const result = diff(from, to, { requiredEnv: ['DATABASE_URL'] });
            assert.equal(only(result, 'env.missing').key, 'API_URL');
            const required = only(result, 'env.required-missing');
            assert.deepEqual([required.key, required.severity, required.secret], ['DATABASE_URL', 'error', true]);
            assert.equal(only(result, 'env.added').severity, 'info');
        });

        it("a variable of a developer's shell that the project does not declare is info when missing, a declared one still an error", () => {
            const result = diff(
                { ...host, env: { CLOUD_SDK_VERSION: env('a'), DATABASE_URL: env('b') } },
                { ...container, env: {} },
                { requiredEnv: ['DATABASE_URL'] },
            );
            const shell = only(result, 'env.host-only');
            assert.deepEqual([shell.key, shell.severity], ['CLOUD_SDK_VERSION', 'info']);
            assert.equal(only(result, 'env.required-missing').severity, 'error');
        });

        it('keys of .env and .env.example count as required, with a fix at their line', () => {
            const result = diff(
                { ...host, env: {} },
                { ...image, env: {} },
                {},
                { envFiles: [{ file: '.env.example', text: '# config\nexport SESSION_TTL=\nPORT=3000\n' }] },
            );
            const ttl = result.findings.find((finding) => finding.key === 'SESSION_TTL');
            assert.equal(ttl?.rule, 'env.required-missing');
            assert.deepEqual(ttl?.fix?.[0]?.at, { file: '.env.example', line: 2 });
        });

        it('values are compared by hash only, never shown, and secret-looking names are flagged', () => {
            const result = diff(
                { ...host, env: { API_TOKEN: env('a'), MODE: env('b') } },
                { ...image, env: { API_TOKEN: env('c'), MODE: env('b') } },
            );
            const finding = only(result, 'env.value');
            assert.deepEqual(
                [finding.key, finding.from, finding.to, finding.secret, finding.severity],
                ['API_TOKEN', 'set', 'another value', true, 'warning'],
            );
            assert.ok(!JSON.stringify(result).includes('a'.repeat(64)), 'no hash in the result');
        });

        it('hashes made with different keys are unknown, never a difference; presence still counts', () => {
            const keyed = (snapshot: Snapshot, envKey: string): Snapshot => ({
                ...snapshot,
                meta: { ...snapshot.meta, envKey },
            });
            const from = keyed({ ...host, env: { MODE: env('a'), GONE: env('b') } }, 'k1');
            const result = diff(from, keyed({ ...image, env: { MODE: env('c') } }, 'k2'));
            assert.deepEqual(
                result.findings.map((finding) => finding.rule),
                ['env.host-only'],
            );
            assert.ok(result.unknown.some((unknown) => unknown.facet === 'env' && unknown.side === 'both'));
            assert.equal(
                only(diff(from, keyed({ ...image, env: { MODE: env('c'), GONE: env('b') } }, 'k1')), 'env.value').key,
                'MODE',
            );
            assert.equal(
                diff(keyed(host, 'k1'), image).unknown.filter((unknown) => unknown.facet === 'env').length,
                1,
                'one keyed, one not: not comparable',
            );
        });

        it('a value one side could not hash is unknown', () => {
            const result = diff(
                { ...host, env: { MODE: env('a') } },
                { ...image, env: { MODE: { sha256: '', secret: false, source: 'image' } } },
            );
            assert.deepEqual(result.findings, []);
            assert.deepEqual(
                result.unknown.filter((unknown) => unknown.facet === 'env'),
                [{ facet: 'env', key: 'MODE', side: 'to', why: 'the value could not be hashed' }],
            );
        });

        it('volatile and tooling variables are never findings', () => {
            const noisy = {
                HOSTNAME: env('a'),
                HOME: env('b'),
                PATH: env('c'),
                VSCODE_PID: env('d'),
                TERM_PROGRAM: env('e'),
                SHLVL: env('f'),
                LANG: env('1'),
            };
            assert.deepEqual(diff({ ...host, env: noisy }, { ...image, env: { PATH: env('9') } }).findings, []);
        });
    });

    describe('locale, timezone, user, umask', () => {
        it('locale and encoding are warnings', () => {
            const result = diff(host, { ...image, locale: { vars: {}, effective: 'C', encoding: 'ANSI_X3.4-1968' } });
            assert.equal(only(result, 'locale.effective').severity, 'warning');
            assert.equal(only(result, 'locale.encoding').severity, 'warning');
        });

        it('time zones compare by name (UTC aliases are one zone), else by offset; nothing known is unknown', () => {
            assert.equal(
                only(
                    diff(host, { ...image, timezone: { name: 'Europe/Berlin', tzVar: null, offsetMinutes: 60 } }),
                    'timezone.name',
                ).severity,
                'warning',
            );
            assert.deepEqual(
                diff(host, { ...image, timezone: { name: 'Etc/UTC', tzVar: null, offsetMinutes: 0 } }).findings,
                [],
            );
            assert.equal(
                only(
                    diff(
                        { ...host, timezone: { name: null, tzVar: null, offsetMinutes: 0 } },
                        { ...image, timezone: { name: null, tzVar: null, offsetMinutes: 120 } },
                    ),
                    'timezone.name',
                ).key,
                'offset',
            );
            const unknown = diff({ ...host, timezone: { name: null, tzVar: null, offsetMinutes: null } }, image);
            assert.deepEqual(unknown.findings, []);
            assert.ok(unknown.unknown.some((entry) => entry.facet === 'timezone' && entry.side === 'from'));
        });

        it('root on one side only is user.root; another uid user.uid; another gid info', () => {
            const root = diff(host, { ...image, user: { uid: 0, gid: 1000, name: 'root', home: '/root' } });
            assert.deepEqual(
                root.findings.map((finding) => finding.rule),
                ['user.root'],
            );
            const uid = diff(host, { ...image, user: { uid: 1001, gid: 1001, name: 'app', home: null } });
            assert.deepEqual(
                uid.findings.map((finding) => [finding.rule, finding.severity]),
                [
                    ['user.uid', 'warning'],
                    ['user.gid', 'info'],
                ],
            );
            assert.deepEqual(
                diff(host, { ...image, user: { uid: 1000, gid: 1000, name: 'other', home: '/x' } }).findings,
                [],
                'name and home are not compared',
            );
        });

        it('a user one side could not read is unknown', () => {
            const result = diff(host, { ...image, user: null, umask: null });
            assert.deepEqual(result.findings, []);
            assert.deepEqual(
                result.unknown
                    .filter((entry) => entry.facet === 'user' || entry.facet === 'umask')
                    .map((entry) => [entry.facet, entry.side]),
                [
                    ['umask', 'to'],
                    ['user', 'to'],
                ],
            );
        });

        it('umask compares numerically', () => {
            assert.equal(only(diff(host, { ...image, umask: '0077' }), 'umask').severity, 'info');
            assert.deepEqual(diff(host, { ...image, umask: '022' }).findings, []);
        });
    });

    describe('limits and resources', () => {
        it('a lower limit on the to side is a warning, a higher one info; unlimited is highest', () => {
            assert.equal(
                only(
                    diff(host, { ...image, limits: { ...image.limits, nofile: { soft: 256, hard: 256 } } }),
                    'limits.lower',
                ).key,
                'nofile',
            );
            assert.equal(
                only(
                    diff(host, { ...image, limits: { ...image.limits, nproc: { soft: null, hard: null } } }),
                    'limits.higher',
                ).to,
                'unlimited (hard unlimited)',
            );
            assert.ok(
                diff(host, { ...image, limits: { nofile: null, nproc: null } }).unknown.some(
                    (entry) => entry.facet === 'limits' && entry.key === 'nofile',
                ),
            );
        });

        it('memory counts a cgroup limit over the machine, tolerates small differences; CPUs compare exactly', () => {
            const limited = only(
                diff(host, { ...image, resources: { ...image.resources, memoryLimitBytes: 512 * 1024 ** 2 } }),
                'resources.lower',
            );
            assert.deepEqual(
                [limited.key, limited.from, limited.to, limited.severity],
                ['memory', '8.0 GiB', '512.0 MiB', 'warning'],
            );
            assert.deepEqual(
                diff(host, {
                    ...image,
                    resources: { ...image.resources, memoryBytes: 8 * 1024 ** 3 - 100 * 1024 ** 2 },
                }).findings,
                [],
            );
            assert.equal(
                only(diff(host, { ...image, resources: { ...image.resources, cpus: 0.5 } }), 'resources.lower').key,
                'cpus',
            );
            assert.equal(
                only(diff(host, { ...image, resources: { ...image.resources, cpus: 8 } }), 'resources.higher').severity,
                'info',
            );
        });
    });

    describe('certificates, app', () => {
        const ca = {
            origin: '/etc/ssl/corp.pem',
            via: 'NODE_EXTRA_CA_CERTS',
            subject: 'CN=Corp Root',
            issuer: 'CN=Corp Root',
            fingerprint256: 'AA:BB',
            notAfter: '2030-01-01T00:00:00Z',
        };

        it('extra CAs compare by fingerprint: missing on to is a warning, added info', () => {
            const missing = only(
                diff({ ...host, certificates: { extra: [ca], settings: {} } }, image),
                'certificates.missing',
            );
            assert.deepEqual([missing.key, missing.severity], ['AA:BB', 'warning']);
            assert.equal(
                only(diff(host, { ...image, certificates: { extra: [ca], settings: {} } }), 'certificates.added')
                    .severity,
                'info',
            );
            assert.deepEqual(
                diff(
                    { ...host, certificates: { extra: [ca], settings: {} } },
                    { ...image, certificates: { extra: [{ ...ca, origin: '/other' }], settings: {} } },
                ).findings,
                [],
            );
        });

        it('another start command or port is a warning, with a fix where the command is declared', () => {
            const app = host.app;
            assert.ok(app);
            const result = diff(
                {
                    ...host,
                    app: {
                        ...app,
                        startCommand: {
                            value: ['node', 'server.js'],
                            at: { file: 'package.json', line: 7 },
                            how: 'start script',
                        },
                    },
                },
                {
                    ...image,
                    app: {
                        ...app,
                        startCommand: { value: ['npm', 'start'], how: 'image CMD' },
                        ports: [{ value: 8080, how: 'EXPOSE' }],
                    },
                },
            );
            assert.deepEqual(
                only(result, 'app.start-command').fix?.map((fix) => [fix.side, fix.at.file]),
                [['from', 'package.json']],
            );
            assert.deepEqual([only(result, 'app.port').from, only(result, 'app.port').to], ['3000', '8080']);
            assert.ok(
                diff(host, { ...image, app: null }).unknown.some(
                    (entry) => entry.facet === 'app' && entry.side === 'to',
                ),
            );
        });

        it("an official image's exec-only entrypoint (docker-entrypoint.sh) is not another start command", () => {
            const app = host.app;
            assert.ok(app);
            const command = (value: string[]): Snapshot => ({
                ...image,
                app: { ...app, startCommand: { value, how: 'image ENTRYPOINT + CMD' } },
            });
            const from = {
                ...host,
                app: { ...app, startCommand: { value: ['node', 'server.js'], how: 'start script' } },
            };
            assert.deepEqual(diff(from, command(['docker-entrypoint.sh', 'node', 'server.js'])).findings, []);
            assert.equal(
                only(diff(from, command(['docker-entrypoint.sh', 'node', 'worker.js'])), 'app.start-command').to,
                'docker-entrypoint.sh node worker.js',
            );
        });
    });

    it('sorts by severity, then facet, then key', () => {
        const result = diff(
            { ...host, env: { B: env('a'), A: env('a') } },
            {
                ...image,
                runtimes: node('22.0.0'),
                env: {},
                umask: '0077',
                systemPackages: { manager: 'dpkg', packages: {} },
            },
            { requiredEnv: ['B', 'A'] },
        );
        assert.deepEqual(
            result.findings.map((finding) => `${finding.severity} ${finding.facet} ${finding.key}`),
            ['error env A', 'error env B', 'error runtimes node', 'info packages libc6', 'info umask umask'],
        );
    });
});
