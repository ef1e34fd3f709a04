import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    LIKE_TARGET_CAPS,
    type LikeTargetInput,
    MAX_TARGET_ENV_NAMES,
    planLikeTarget,
} from '../../../../src/core/sandbox/planLikeTarget';
import { sandboxPolicy } from '../../../../src/core/sandbox/sandboxPolicy';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../../../src/core/snapshot/Snapshot';

const MiB = 1024 * 1024;
const HASH = 'a'.repeat(64);

type Patch = { -readonly [K in keyof Snapshot]?: Snapshot[K] };

function target(patch: Patch = {}): Snapshot {
    return {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        meta: {
            capturedAt: '2026-12-05T00:00:00Z',
            source: { kind: 'container', ref: 'web' },
            tool: { name: 'parity', version: 'test' },
        },
        platform: {
            os: 'linux',
            distro: { id: 'debian', versionId: '12', prettyName: null },
            kernel: null,
            arch: 'amd64',
            libc: { family: 'glibc', version: '2.36' },
        },
        runtimes: {
            node: { declared: [], installed: { version: 'v20.20.2', path: '/usr/local/bin/node', manager: 'image' } },
        },
        packageManagers: [],
        lockfiles: [],
        nativeDependencies: [],
        systemPackages: null,
        env: {
            PATH: { sha256: HASH, secret: false, source: 'image' },
            NODE_VERSION: { sha256: HASH, secret: false, source: 'image' },
            TZ: { sha256: HASH, secret: false, source: 'container' },
            LANG: { sha256: HASH, secret: false, source: 'container' },
            FOO: { sha256: HASH, secret: false, source: 'container' },
            BAR_TOKEN: { sha256: HASH, secret: true, source: 'container' },
        },
        locale: { vars: { LANG: 'C.UTF-8', LC_ALL: null }, effective: 'C.UTF-8', encoding: 'UTF-8' },
        timezone: { name: 'Asia/Tokyo', tzVar: 'Asia/Tokyo', offsetMinutes: 540 },
        user: { uid: 1000, gid: 1000, name: 'node', home: '/home/node' },
        umask: '0022',
        limits: { nofile: { soft: 4096, hard: 8192 }, nproc: { soft: 512, hard: 512 } },
        resources: { cpus: 2, memoryBytes: 8192 * MiB, memoryLimitBytes: 768 * MiB },
        app: null,
        filesystem: { caseSensitive: true },
        certificates: { extra: [], settings: {} },
        issues: [],
        ...patch,
    };
}

function input(patch: Patch = {}, extra: Partial<LikeTargetInput> = {}): LikeTargetInput {
    return {
        target: target(patch),
        targetName: 'container:web',
        project: { runtime: { name: 'node', version: '22.1.0' }, fixedBecause: null },
        imageEnvNames: ['PATH', 'NODE_VERSION', 'NODE_ENV', 'PORT', 'LANG', 'TZ'],
        dotenvKeys: ['FOO', 'UNRELATED'],
        ...extra,
    };
}

/** A control character (an escape sequence, a line break) that a terminal would act on. */
function hasControl(text: string): boolean {
    return [...text].some((char) => char.charCodeAt(0) < 32);
}

function noteText(plan: ReturnType<typeof planLikeTarget>): string {
    return plan.notes.map((note) => `${note.facet}/${note.kind}: ${note.message}`).join('\n');
}

describe('planLikeTarget', () => {
    it('takes the runtime version, zone, locale, limits, resources, user and variable names of a target', () => {
        const plan = planLikeTarget(input());
        assert.deepEqual(plan.runtime, { name: 'node', version: '20.20.2' });
        assert.deepEqual(plan.env, { TZ: 'Asia/Tokyo', LANG: 'C.UTF-8' });
        assert.deepEqual(plan.envNames, { fromDotenv: ['FOO'], toAsk: ['BAR_TOKEN'] });
        assert.deepEqual(plan.sandboxTarget.limits, {
            nofile: { soft: 4096, hard: 8192 },
            nproc: { soft: 512, hard: 512 },
        });
        assert.deepEqual(plan.sandboxTarget.resources, { cpus: 2, memoryBytes: null, memoryLimitBytes: 768 * MiB });
        assert.deepEqual(plan.sandboxTarget.user, { uid: 1000, gid: 1000, name: 'node', home: '/home/node' });
        assert.deepEqual(plan.sandboxTarget.meta.source, { kind: 'target', ref: 'container:web' });
        const text = noteText(plan);
        assert.match(
            text,
            /runtime\/taken: node 20\.20\.2 as container:web runs it: the image is rebuilt on it \(the project's own uses node 22\.1\.0\)/,
        );
        assert.match(
            text,
            /env\/taken: 2 of container:web's variables by name \(values are never known\): FOO from \.env; BAR_TOKEN to be given/,
        );
        assert.ok(!text.includes('UNRELATED'), 'a .env key the target does not have is not carried over');
    });

    it('keeps the image when the target runs the same version, or the image cannot change', () => {
        assert.equal(
            planLikeTarget(
                input({}, { project: { runtime: { name: 'node', version: '20.20.2' }, fixedBecause: null } }),
            ).runtime,
            null,
        );
        const fixed = planLikeTarget(
            input(
                {},
                { project: { runtime: { name: 'node', version: '22.1.0' }, fixedBecause: 'the Dockerfile is yours' } },
            ),
        );
        assert.equal(fixed.runtime, null);
        assert.match(noteText(fixed), /runtime\/kept: .*cannot be rebuilt with another: the Dockerfile is yours/);
        const image = planLikeTarget(input({}, { project: null }));
        assert.equal(image.runtime, null);
        assert.match(noteText(image), /runtime\/kept: An image runs as it is/);
        const none = planLikeTarget(input({ runtimes: {} }));
        assert.equal(none.runtime, null);
        assert.match(noteText(none), /has no node Parity could see; the image keeps node 22\.1\.0/);
    });

    it('reads go1.22.3 and v-prefixed versions as versions', () => {
        const go = planLikeTarget(
            input(
                {
                    runtimes: {
                        go: { declared: [], installed: { version: 'go1.22.3', path: null, manager: 'image' } },
                    },
                },
                { project: { runtime: { name: 'go', version: '1.19' }, fixedBecause: null } },
            ),
        );
        assert.deepEqual(go.runtime, { name: 'go', version: '1.22.3' });
    });

    for (const version of [
        '20.0.0; rm -rf /',
        'latest',
        '20.20.2-alpine',
        '../../etc',
        '20.x',
        '1.2.3.4',
        '99999.1',
        '',
        '20.20.2\nFROM evil',
        '$(id)',
    ]) {
        it(`refuses the runtime version ${JSON.stringify(version)}`, () => {
            const plan = planLikeTarget(
                input({ runtimes: { node: { declared: [], installed: { version, path: null, manager: 'image' } } } }),
            );
            assert.equal(plan.runtime, null);
            const refused = plan.notes.find((note) => note.facet === 'runtime');
            assert.equal(refused?.kind, 'refused');
            assert.ok(!refused.message.includes('\n'), 'the note is one line whatever the target says');
        });
    }

    for (const tz of [
        '../../etc/passwd',
        ':../../etc/passwd',
        '/etc/passwd',
        ':/usr/share/zoneinfo/../../../etc/shadow',
        'Europe/Berlin; id',
        '$(touch /tmp/x)',
        'Asia/Tokyo\u001b[31m',
        'EST5EDT,M3.2.0,M11.1.0',
        'a'.repeat(200),
    ]) {
        it(`refuses TZ=${JSON.stringify(tz.slice(0, 40))}`, () => {
            const plan = planLikeTarget(input({ timezone: { name: null, tzVar: tz, offsetMinutes: 0 } }));
            assert.equal(plan.env.TZ, undefined);
            const refused = plan.notes.find((note) => note.facet === 'timezone');
            assert.equal(refused?.kind, 'refused');
            assert.ok(!hasControl(refused.message), 'no control character reaches a terminal');
        });
    }

    it('takes TZ written as a zoneinfo path, and a zone known only from /etc/localtime', () => {
        assert.equal(
            planLikeTarget(
                input({
                    timezone: {
                        name: null,
                        tzVar: ':/usr/share/zoneinfo/America/Argentina/Buenos_Aires',
                        offsetMinutes: -180,
                    },
                }),
            ).env.TZ,
            'America/Argentina/Buenos_Aires',
        );
        assert.equal(
            planLikeTarget(input({ timezone: { name: 'Europe/Berlin', tzVar: null, offsetMinutes: 60 } })).env.TZ,
            'Europe/Berlin',
        );
        assert.equal(
            planLikeTarget(input({ timezone: { name: 'Etc/GMT+5', tzVar: 'Etc/GMT+5', offsetMinutes: -300 } })).env.TZ,
            'Etc/GMT+5',
        );
    });

    it('sets TZ=UTC only when the image names another zone', () => {
        const utc = { timezone: { name: 'Etc/UTC', tzVar: null, offsetMinutes: 0 } };
        assert.equal(planLikeTarget(input(utc)).env.TZ, 'UTC');
        assert.equal(planLikeTarget(input(utc, { imageEnvNames: [] })).env.TZ, undefined);
        assert.equal(
            planLikeTarget(input({ timezone: { name: null, tzVar: null, offsetMinutes: null } })).env.TZ,
            undefined,
        );
    });

    for (const value of ['en_US.UTF-8; rm -rf ~', '$(id)', '`id`', 'C.UTF-8\nPATH=/evil', "de_DE'", 'a b', '']) {
        it(`refuses the locale ${JSON.stringify(value)}`, () => {
            const plan = planLikeTarget(
                input({
                    locale: { vars: { LANG: value, LC_ALL: 'C.UTF-8' }, effective: 'C.UTF-8', encoding: 'UTF-8' },
                }),
            );
            assert.equal(plan.env.LANG, undefined);
            assert.equal(plan.env.LC_ALL, 'C.UTF-8');
            assert.ok(plan.notes.some((note) => note.facet === 'locale' && note.kind === 'refused'));
        });
    }

    it("unsets the image's locale variables the target does not set, and leaves out names that are not locale variables", () => {
        const plan = planLikeTarget(
            input({
                locale: {
                    vars: { LANG: null, LC_MESSAGES: 'de_DE.UTF-8', LD_PRELOAD: '/evil.so', LANGUAGE: 'de:en' },
                    effective: 'C',
                    encoding: null,
                },
            }),
        );
        assert.deepEqual(plan.env, { TZ: 'Asia/Tokyo', LANG: '', LANGUAGE: 'de:en', LC_MESSAGES: 'de_DE.UTF-8' });
        assert.match(noteText(plan), /locale\/refused: .*"LD_PRELOAD"/);
    });

    it("never runs as root: uid 0 keeps the image's non-root user, gid 0 becomes the uid's group", () => {
        const root = planLikeTarget(input({ user: { uid: 0, gid: 0, name: 'root', home: '/root' } }));
        assert.equal(root.sandboxTarget.user, null);
        assert.match(noteText(root), /user\/refused: container:web runs as root; the sandbox never does/);
        const policy = sandboxPolicy({
            name: 'n',
            image: { ref: 'app:parity', config: { User: 'node' } },
            port: 3000,
            target: root.sandboxTarget,
        });
        assert.equal(policy.create.User, 'node');
        assert.deepEqual(policy.create.HostConfig.CapDrop, ['ALL']);
        assert.equal(policy.create.HostConfig.ReadonlyRootfs, true);
        assert.deepEqual(policy.create.HostConfig.SecurityOpt, ['no-new-privileges']);
        const rootImage = sandboxPolicy({
            name: 'n',
            image: { ref: 'app:parity', config: { User: '' } },
            port: 3000,
            target: root.sandboxTarget,
        });
        assert.equal(rootImage.create.User, '65534:65534');
        const group = planLikeTarget(input({ user: { uid: 1000, gid: 0, name: 'app', home: null } }));
        assert.deepEqual(group.sandboxTarget.user, { uid: 1000, gid: 1000, name: 'app', home: null });
        assert.equal(
            sandboxPolicy({ name: 'n', image: { ref: 'a', config: null }, target: group.sandboxTarget }).create.User,
            '1000:1000',
        );
    });

    it('caps absurd limits and resources, and refuses impossible ones', () => {
        const huge = planLikeTarget(
            input(
                {
                    limits: { nofile: { soft: 2 ** 53, hard: null }, nproc: { soft: null, hard: null } },
                    resources: { cpus: 65536, memoryBytes: 2 ** 53, memoryLimitBytes: 2 ** 53 },
                },
                { caps: { memoryBytes: 2048 * MiB, cpus: 4 } },
            ),
        );
        assert.deepEqual(huge.sandboxTarget.limits.nofile, {
            soft: LIKE_TARGET_CAPS.nofile,
            hard: LIKE_TARGET_CAPS.nofile,
        });
        assert.deepEqual(huge.sandboxTarget.limits.nproc, {
            soft: LIKE_TARGET_CAPS.nproc,
            hard: LIKE_TARGET_CAPS.nproc,
        });
        assert.equal(huge.sandboxTarget.resources.memoryLimitBytes, 2048 * MiB);
        assert.equal(huge.sandboxTarget.resources.cpus, 4);
        assert.equal(huge.notes.filter((note) => note.kind === 'capped').length, 4);
        assert.match(
            noteText(huge),
            /allows 9007199254740992 soft \/ unlimited hard open files \(nofile\); the sandbox's cap is 1048576/,
        );

        const tiny = planLikeTarget(
            input({
                limits: { nofile: { soft: 0, hard: 0 }, nproc: { soft: 1, hard: 0 } },
                resources: { cpus: 0, memoryBytes: 1, memoryLimitBytes: 1 },
            }),
        );
        assert.deepEqual(tiny.sandboxTarget.limits, { nofile: null, nproc: null });
        assert.deepEqual(tiny.sandboxTarget.resources, { cpus: null, memoryBytes: null, memoryLimitBytes: null });
        assert.equal(tiny.notes.filter((note) => note.kind === 'refused').length, 4);
        // The policy then keeps its own, instead of refusing a memory limit below the engine's minimum.
        const policy = sandboxPolicy({
            name: 'n',
            image: { ref: 'a', config: { User: 'node' } },
            target: tiny.sandboxTarget,
        });
        assert.equal(policy.create.HostConfig.Memory, 512 * MiB);
        assert.deepEqual(policy.create.HostConfig.Ulimits, []);
    });

    it("passes the target's ulimits and resources to the policy as the sandbox's", () => {
        const plan = planLikeTarget(input());
        const policy = sandboxPolicy({
            name: 'n',
            image: { ref: 'a', config: { User: 'node' } },
            target: plan.sandboxTarget,
        });
        assert.deepEqual(policy.create.HostConfig.Ulimits, [
            { Name: 'nofile', Soft: 4096, Hard: 8192 },
            { Name: 'nproc', Soft: 512, Hard: 512 },
        ]);
        assert.equal(policy.create.HostConfig.Memory, 768 * MiB);
        assert.equal(policy.create.HostConfig.NanoCpus, 2e9);
        assert.ok(policy.summary.some((line) => line.includes('container:web')));
    });

    it("asks only for app variables: not the system's, the image's own, names that cannot be variables, or this machine's", () => {
        const env: Snapshot['env'] = Object.fromEntries(
            [
                'PATH',
                'HOME',
                'HOSTNAME',
                'NODE_ENV',
                'PORT',
                'SSH_AUTH_SOCK',
                'DOCKER_HOST',
                'PARITY_SSH_IDENTITY_FILE',
                'LD_PRELOAD',
                'FOO=BAR',
                'a b',
                '1ABC',
                'X\nY',
                '',
                'DATABASE_URL',
                'LC_ALL',
            ].map((name) => [name, { sha256: HASH, secret: false, source: 'container' as const }]),
        );
        const plan = planLikeTarget(input({ env }));
        assert.deepEqual(plan.envNames, { fromDotenv: [], toAsk: ['DATABASE_URL'] });
        const text = noteText(plan);
        assert.match(text, /env\/refused: .*5 variable names no environment can hold/);
        assert.match(
            text,
            /env\/refused: DOCKER_HOST, LD_PRELOAD, PARITY_SSH_IDENTITY_FILE, SSH_AUTH_SOCK belong to the machine/,
        );
        assert.match(text, /env\/kept: NODE_ENV, PORT: the image sets them itself/);
        assert.ok(!hasControl(text.replaceAll('\n', ' ')));
    });

    it('carries over a bounded number of variables', () => {
        const env: Snapshot['env'] = Object.fromEntries(
            Array.from({ length: 5000 }, (_, index) => [
                `V${String(index).padStart(5, '0')}`,
                { sha256: HASH, secret: false, source: 'container' as const },
            ]),
        );
        const plan = planLikeTarget(input({ env }));
        assert.equal(plan.envNames.toAsk.length, MAX_TARGET_ENV_NAMES);
        assert.match(noteText(plan), /lists 5000 variables; only the first 200/);
    });

    it('says what it could not know', () => {
        const plan = planLikeTarget(
            input(
                {
                    user: null,
                    timezone: { name: null, tzVar: null, offsetMinutes: null },
                    limits: { nofile: null, nproc: null },
                    resources: { cpus: null, memoryBytes: null, memoryLimitBytes: null },
                    locale: { vars: {}, effective: 'C', encoding: null },
                },
                { imageEnvNames: [] },
            ),
        );
        assert.deepEqual(plan.env, {});
        assert.deepEqual(plan.sandboxTarget.limits, { nofile: null, nproc: null });
        assert.equal(plan.sandboxTarget.user, null);
        for (const facet of ['user', 'timezone', 'limits', 'resources'] as const) {
            assert.ok(
                plan.notes.some((note) => note.facet === facet && note.kind === 'kept'),
                facet,
            );
        }
    });
});
