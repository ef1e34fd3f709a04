import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagForRange } from '../../../../src/core/plan/chooseRuntimeVersion';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import type { Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { ALPINE_320, exampleDir, fixtureDir, snapshotFor } from './snapshotFor';

const ROOT = '/home/dev/project';

describe('planFromSnapshot: runtime version', () => {
    it('hello-node: the installed node when it satisfies every pin, with the pins as alternatives', async () => {
        const plan = planFromSnapshot(await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } }), {
            projectRoot: ROOT,
        });
        assert.equal(plan.base.image, 'node:20.20.2-bookworm-slim');
        const version = plan.base.runtime?.version;
        assert.equal(version?.value, '20.20.2');
        assert.match(
            version?.why ?? '',
            /^node 20\.20\.2 runs this project here and satisfies every pin \(\.nvmrc:1 20, package\.json:8 >=20\)/,
        );
        assert.deepEqual(version?.at, { file: '.nvmrc', line: 1 });
        assert.deepEqual(version?.alternatives, [
            {
                value: '20',
                why: 'Pinned in .nvmrc:1 (.nvmrc 20); pinned in package.json:8 (package.json#engines.node >=20).',
            },
        ]);
        assert.deepEqual(plan.base.os, { distro: 'bookworm', libc: 'glibc' });
        assert.deepEqual(plan.warnings, []);
        assert.deepEqual(plan.todo, []);
        assert.equal(plan.user, 'node');
        assert.deepEqual(plan.env, {
            NODE_ENV: 'production',
            PATH: '/app/node_modules/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
            PORT: '3000',
        });
        assert.deepEqual(plan.startCommand.value, ['node', 'server.js']);
        assert.equal(plan.port.value, 3000);
        assert.deepEqual(plan.packageManager?.install, ['npm', 'ci', '--omit=dev']);
        assert.deepEqual(plan.packageManager?.manifests, ['package.json', 'package-lock.json']);
        assert.deepEqual(plan.labels, {
            // The manifest's name, not the folder's (ROOT ends in "project").
            'org.opencontainers.image.title': 'hello-node',
            'org.opencontainers.image.base.name': 'node:20.20.2-bookworm-slim',
            'parity.ecosystem': 'node',
            'parity.plan.version': '1',
        });
    });

    it('conflicting pins: the first pin wins over a local version that fails it, every pin and the local version are alternatives, two warnings', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-conflicting-pins'), { installed: { node: '20.20.2' } }),
            { projectRoot: ROOT },
        );
        assert.equal(plan.base.image, 'node:18-bookworm-slim');
        const version = plan.base.runtime?.version;
        assert.deepEqual(version?.at, { file: '.nvmrc', line: 1 });
        assert.deepEqual(
            version?.alternatives?.map((alternative) => alternative.value),
            ['20.20.2', '20'],
        );
        assert.ok(
            plan.warnings.some(
                (warning) =>
                    warning.includes('node 20.20.2 runs here') &&
                    warning.includes('.nvmrc:1 pins 18') &&
                    warning.includes('node 18'),
            ),
            plan.warnings.join('\n'),
        );
        assert.ok(
            plan.warnings.some((warning) =>
                warning.startsWith('node pins disagree: .nvmrc:1 says 18, package.json:8 says >=20'),
            ),
            plan.warnings.join('\n'),
        );
        // pnpm is pinned but only npm's lockfile exists: an unfrozen install, said plainly.
        assert.deepEqual(plan.packageManager?.install, ['pnpm', 'install', '--prod']);
        assert.ok(plan.warnings.some((warning) => warning.startsWith('No pnpm-lock.yaml')));
    });

    it('pinned but not installed: the pin, and a warning that nothing here ran it', async () => {
        const plan = planFromSnapshot(await snapshotFor(fixtureDir('node-express-nvmrc')), { projectRoot: ROOT });
        assert.equal(plan.base.image, 'node:20-bookworm-slim');
        assert.match(
            plan.base.runtime?.version.why ?? '',
            /^\.nvmrc:1 pins node 20 \(\.nvmrc\); node is not installed here/,
        );
        assert.ok(
            plan.warnings.some((warning) =>
                warning.startsWith('node is not installed here: the image uses node 20 from .nvmrc:1'),
            ),
        );
    });

    it('nothing pinned, nothing installed: node 22 LTS and a warning that says where to pin it', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'));
        const bare: Snapshot = { ...snapshot, runtimes: { node: { declared: [], installed: null } } };
        const plan = planFromSnapshot(bare, { projectRoot: ROOT });
        assert.equal(plan.base.image, 'node:22-bookworm-slim');
        assert.ok(
            plan.warnings.includes('no version pinned or installed; using node 22 LTS — pin it in .nvmrc'),
            plan.warnings.join('\n'),
        );
        assert.ok(!plan.warnings.some((warning) => /TODO/.test(warning)));
    });

    it('the most specific tag a range allows', () => {
        assert.equal(tagForRange('node', '18.x'), '18');
        assert.equal(tagForRange('node', '^16.20'), '16.20');
        assert.equal(tagForRange('node', '>=20 <23'), '20');
        assert.equal(tagForRange('python', '==3.11.*'), '3.11');
        assert.equal(tagForRange('python', '>=3.11,<4.0'), '3.11');
        assert.equal(tagForRange('go', '>=1.22'), '1.22');
        assert.equal(tagForRange('go', '1.22.3'), '1.22.3');
    });

    it('python: the declared ==3.11.* becomes python:3.11 when the local python does not satisfy it', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-python'), { installed: { python: '3.12.1' } });
        const pinned: Snapshot = {
            ...snapshot,
            runtimes: {
                python: {
                    declared: [
                        { file: '.python-version', line: 1, source: '.python-version', raw: '3.11', range: '==3.11.*' },
                    ],
                    installed: { version: '3.12.1', path: null, manager: 'pyenv' },
                },
            },
        };
        const plan = planFromSnapshot(pinned, { projectRoot: ROOT });
        assert.equal(plan.base.image, 'python:3.11-slim-bookworm');
        assert.ok(plan.warnings.some((warning) => warning.includes('.python-version:1') && warning.includes('3.12.1')));
        assert.deepEqual(plan.base.runtime?.version.alternatives, [
            { value: '3.12.1', why: 'Installed here (pyenv).' },
        ]);
    });

    it('go: the minor line of the installed go (golang:1.19-bookworm), an exact patch when a pin names it', async () => {
        const hello = planFromSnapshot(await snapshotFor(exampleDir('hello-go'), { installed: { go: '1.19.8' } }), {
            projectRoot: ROOT,
        });
        assert.equal(hello.builder?.image, 'golang:1.19-bookworm');
        assert.equal(hello.base.image, 'debian:bookworm-slim');
        assert.equal(hello.base.runtime, null);
        const gin = planFromSnapshot(
            await snapshotFor(fixtureDir('go-gin-toolchain'), { installed: { go: '1.22.3' } }),
            { projectRoot: ROOT },
        );
        assert.equal(gin.builder?.image, 'golang:1.22.3-bookworm');
    });

    it('overrides win and say so', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } });
        const plan = planFromSnapshot(snapshot, {
            projectRoot: ROOT,
            overrides: { runtimeVersion: '22.11.0', startCommand: ['node', 'other.js'], port: 8080 },
        });
        assert.equal(plan.base.image, 'node:22.11.0-bookworm-slim');
        assert.match(
            plan.base.runtime?.version.why ?? '',
            /^You chose node 22\.11\.0 \(override\)\. Parity's own choice was node 20\.20\.2/,
        );
        assert.equal(plan.base.runtime?.version.alternatives?.[0]?.value, '20.20.2');
        assert.deepEqual(plan.startCommand.value, ['node', 'other.js']);
        assert.match(plan.startCommand.why, /^You set the start command \(override\); Parity found node server\.js/);
        assert.equal(plan.port.value, 8080);
        assert.match(plan.port.why, /override.*reads PORT/);
        assert.equal(plan.env.PORT, '8080');
        const noPort = planFromSnapshot(snapshot, { projectRoot: ROOT, overrides: { port: null } });
        assert.equal(noPort.port.value, null);
        assert.equal(noPort.env.PORT, undefined);
        assert.match(noPort.port.why, /no port \(override\)/);
    });
});

describe('planFromSnapshot: OS family and images', () => {
    it('musl keeps Alpine at the local release, for every ecosystem', async () => {
        const node = planFromSnapshot(
            await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' }, platform: ALPINE_320 }),
            { projectRoot: ROOT },
        );
        assert.equal(node.base.image, 'node:20.20.2-alpine3.20');
        assert.deepEqual(node.base.os, { distro: 'alpine3.20', libc: 'musl' });
        assert.match(node.base.why, /musl/);
        const python = planFromSnapshot(
            await snapshotFor(exampleDir('hello-python'), { installed: { python: '3.12.1' }, platform: ALPINE_320 }),
            { projectRoot: ROOT },
        );
        assert.equal(python.base.image, 'python:3.12.1-alpine3.20');
        const go = planFromSnapshot(
            await snapshotFor(exampleDir('hello-go'), { installed: { go: '1.19.8' }, platform: ALPINE_320 }),
            { projectRoot: ROOT },
        );
        assert.equal(go.builder?.image, 'golang:1.19-alpine3.20');
        assert.equal(go.base.image, 'alpine:3.20');
    });

    it('a Debian 11 machine keeps bullseye; macOS gets bookworm and is told why', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } });
        const bullseye = planFromSnapshot(
            {
                ...snapshot,
                platform: {
                    ...snapshot.platform,
                    distro: { id: 'debian', versionId: '11', prettyName: 'Debian GNU/Linux 11 (bullseye)' },
                },
            },
            { projectRoot: ROOT },
        );
        assert.equal(bullseye.base.image, 'node:20.20.2-bullseye-slim');
        const mac = planFromSnapshot(
            {
                ...snapshot,
                platform: {
                    os: 'darwin',
                    distro: null,
                    kernel: null,
                    arch: 'arm64',
                    libc: { family: 'libsystem', version: null },
                },
            },
            { projectRoot: ROOT },
        );
        assert.equal(mac.base.image, 'node:20.20.2-bookworm-slim');
        assert.match(mac.base.why, /macOS is not a Linux distribution/);
    });

    it('a mirror prefixes every image; an override replaces the runtime image verbatim and says so', async () => {
        const go = planFromSnapshot(await snapshotFor(exampleDir('hello-go'), { installed: { go: '1.19.8' } }), {
            projectRoot: ROOT,
            baseImageRegistry: 'mirror.local:5000/library/',
        });
        assert.equal(go.builder?.image, 'mirror.local:5000/library/golang:1.19-bookworm');
        assert.equal(go.base.image, 'mirror.local:5000/library/debian:bookworm-slim');
        assert.match(go.base.why, /through the mirror mirror\.local:5000\/library\//);
        const node = planFromSnapshot(await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } }), {
            projectRoot: ROOT,
            baseImageRegistry: 'mirror.local:5000/library',
            baseImageOverride: 'registry.corp/node:20-hardened',
        });
        assert.equal(node.base.image, 'registry.corp/node:20-hardened');
        assert.match(
            node.base.why,
            /^You replaced the runtime image with registry\.corp\/node:20-hardened \(override\).*mirror\.local:5000\/library\/node:20\.20\.2-bookworm-slim/,
        );
    });
});

describe('planFromSnapshot: package managers', () => {
    it("yarn classic: a frozen production install with the image's yarn", async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-lts-alias'), { installed: { node: '20.20.2' } }),
            { projectRoot: ROOT },
        );
        assert.equal(plan.base.image, 'node:20.20.2-bookworm-slim');
        assert.deepEqual(plan.packageManager?.install, ['yarn', 'install', '--frozen-lockfile', '--production']);
        assert.deepEqual(plan.packageManager?.setup, []);
        assert.equal(plan.packageManager?.cacheDir, '/usr/local/share/.cache/yarn');
        assert.deepEqual(plan.packageManager?.manifests, ['package.json', 'yarn.lock']);
    });

    it('yarn berry workspaces: corepack with the pinned yarn, every workspace manifest first, a focused production install', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-yarn-berry-workspaces'), { installed: { node: '20.18.1' } }),
            { projectRoot: ROOT },
        );
        const manager = plan.packageManager;
        assert.equal(manager?.version, '4.5.1');
        assert.deepEqual(manager?.setup, [['corepack', 'enable']]);
        assert.deepEqual(manager?.install, ['yarn', 'workspaces', 'focus', '--all', '--production']);
        assert.deepEqual(manager?.manifests, [
            'package.json',
            'yarn.lock',
            '.yarnrc.yml*',
            'libs/logger/package.json',
            'services/gateway/package.json',
            'services/worker/package.json',
        ]);
        assert.equal(manager?.env.YARN_IGNORE_PATH, '1');
        assert.equal(plan.appRoot, 'services/gateway');
        // The workspace package's own name.
        assert.equal(plan.labels['org.opencontainers.image.title'], '@ledger/gateway');
    });

    it('pnpm workspace with a build: install all, build the app and its workspace dependencies, prune', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-pnpm-monorepo'), { installed: { node: '22.11.0' } }),
            { projectRoot: ROOT },
        );
        const manager = plan.packageManager;
        assert.deepEqual(manager?.install, ['pnpm', 'install', '--frozen-lockfile']);
        assert.deepEqual(manager?.build, ['pnpm', '--filter', '{apps/api}...', 'run', 'build']);
        assert.deepEqual(manager?.prune, ['pnpm', 'prune', '--prod', '--ignore-scripts']);
        assert.deepEqual(manager?.manifests, [
            'package.json',
            'pnpm-lock.yaml',
            'pnpm-workspace.yaml',
            'apps/api/package.json',
            'apps/web/package.json',
            'packages/shared/package.json',
        ]);
        assert.match(manager?.why ?? '', /apps\/api\/dist\/server\.js/);
    });

    it('npm with a build (NestJS): npm ci, npm run build, npm prune --omit=dev', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-nest-api'), { installed: { node: '26.1.0' } }),
            { projectRoot: ROOT },
        );
        const manager = plan.packageManager;
        assert.deepEqual(
            [manager?.install, manager?.build, manager?.prune],
            [
                ['npm', 'ci'],
                ['npm', 'run', 'build'],
                ['npm', 'prune', '--omit=dev'],
            ],
        );
    });

    it('npm without a lockfile: npm install and a warning that builds are not reproducible', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-malformed'), { installed: { node: '16.20.2' } }),
            { projectRoot: ROOT },
        );
        assert.deepEqual(plan.packageManager?.install, ['npm', 'install', '--omit=dev']);
        assert.ok(
            plan.warnings.some(
                (warning) => warning.startsWith('No package-lock.json') && warning.includes('not reproducible'),
            ),
        );
    });

    it('node 25 and later: corepack comes from npm first', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-pnpm-monorepo'), { installed: { node: '22.11.0' } }),
            { projectRoot: ROOT, overrides: { runtimeVersion: '26.1.0' } },
        );
        assert.equal(plan.base.image, 'node:26.1.0-bookworm-slim');
        assert.equal(plan.packageManager?.setup[0]?.[0], 'npm');
        assert.match(plan.packageManager?.setup[0]?.[3] ?? '', /^corepack@\d+\.\d+\.\d+$/);
    });

    it('uv: the installed uv when the pin allows it, a frozen sync without dev dependencies into the venv', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('python-fastapi-uv'), {
                installed: { python: '3.12.1' },
                tools: { uv: 'uv 0.5.11' },
            }),
            { projectRoot: ROOT },
        );
        const manager = plan.packageManager;
        assert.deepEqual(manager?.setup, [['pip', 'install', 'uv==0.5.11']]);
        assert.deepEqual(manager?.install, ['uv', 'sync', '--frozen', '--no-dev', '--no-install-project']);
        assert.equal(manager?.env.UV_PROJECT_ENVIRONMENT, '/opt/venv');
        assert.equal(plan.env.PATH, '/opt/venv/bin:$PATH');
        assert.equal(plan.user, 'app');
        const unpinned = planFromSnapshot(
            await snapshotFor(fixtureDir('python-fastapi-uv'), { installed: { python: '3.12.1' } }),
            { projectRoot: ROOT },
        );
        assert.deepEqual(unpinned.packageManager?.setup, [['pip', 'install', 'uv>=0.5.0']]);
        assert.ok(
            unpinned.warnings.some((warning) =>
                warning.startsWith('pyproject.toml:14 allows uv >=0.5.0 but pins no exact version'),
            ),
        );
    });

    it('poetry: the version that wrote poetry.lock, main dependencies only, not the project', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('python-django-poetry'), { installed: { python: '3.12.1' } }),
            { projectRoot: ROOT },
        );
        const manager = plan.packageManager;
        assert.deepEqual(manager?.setup, [
            ['python', '-m', 'venv', '/opt/venv'],
            ['pip', 'install', 'poetry==1.8.3'],
        ]);
        assert.deepEqual(manager?.install, ['poetry', 'install', '--only', 'main', '--no-root']);
        assert.deepEqual(plan.startCommand.value, ['gunicorn', 'mysite.wsgi:application', '--bind', '0.0.0.0:8000']);
    });

    it('pip with requirements.txt; psycopg2 gets libpq-dev and gcc to build, libpq5 to run', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('python-flask-requirements'), { installed: { python: '3.12.1' } }),
            { projectRoot: ROOT },
        );
        assert.deepEqual(plan.packageManager?.install, ['pip', 'install', '-r', 'requirements.txt']);
        assert.equal(plan.packageManager?.cacheDir, '/root/.cache/pip');
        assert.deepEqual(plan.systemPackages?.build, ['gcc', 'libpq-dev']);
        assert.deepEqual(plan.systemPackages?.runtime, ['libpq5']);
        assert.match(
            plan.systemPackages?.why[0] ?? '',
            /^psycopg2 \(requirements\.txt:\d+\): builds with libpq-dev gcc; loads libpq5 at run time/,
        );
        assert.ok(!plan.warnings.some((warning) => warning.startsWith('psycopg2')));
    });

    it('a console-script start command installs the project itself once the sources are in', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('python-conflicting-pins'), { installed: { python: '3.11.7' } }),
            { projectRoot: ROOT },
        );
        assert.equal(plan.packageManager?.install, null);
        assert.deepEqual(plan.packageManager?.build, ['pip', 'install', '.']);
        assert.equal(plan.base.image, 'python:3.9-slim-bookworm');
        assert.ok(plan.warnings.some((warning) => warning.startsWith('python pins disagree')));
    });

    it('hello-python declares no dependencies: no package manager, nothing to install', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-python'), { installed: { python: '3.12.1' } });
        assert.deepEqual(
            snapshot.packageManagers.map((manager) => [manager.name, manager.evidence]),
            [['pip', 'no dependencies']],
        );
        const plan = planFromSnapshot(snapshot, { projectRoot: ROOT });
        assert.equal(plan.packageManager, null);
        assert.deepEqual(plan.env, { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', PORT: '8000' });
    });

    it('go with cgo: CGO_ENABLED=1, the main package from the entry, and a note', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('go-gin-toolchain'), { installed: { go: '1.22.3' } }),
            { projectRoot: ROOT },
        );
        const manager = plan.packageManager;
        assert.deepEqual(manager?.build, [
            'go',
            'build',
            '-trimpath',
            '-ldflags=-s -w',
            '-o',
            '/app/server',
            './cmd/api',
        ]);
        assert.deepEqual(manager?.manifests, ['go.mod', 'go.sum']);
        assert.equal(manager?.env.CGO_ENABLED, '1');
        assert.ok(plan.warnings.some((warning) => warning.startsWith('cgo is needed (internal/checksum/crc.go')));
    });
});

describe('planFromSnapshot: port, start command, CA, fallback', () => {
    it('EXPOSE without ENV PORT when the app does not read PORT', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-native-addons'), { installed: { node: '22.11.0' } }),
            { projectRoot: ROOT },
        );
        assert.equal(plan.port.value, 8080);
        assert.equal(plan.env.PORT, undefined);
        assert.deepEqual(plan.systemPackages?.build, ['g++', 'libvips-dev', 'make', 'python3']);
        assert.deepEqual(plan.systemPackages?.runtime, ['libvips42']);
    });

    it('no start command: an empty command and a TODO', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } });
        const app = snapshot.app;
        assert.ok(app);
        const plan = planFromSnapshot({ ...snapshot, app: { ...app, startCommand: null } }, { projectRoot: ROOT });
        assert.deepEqual(plan.startCommand.value, []);
        assert.ok(plan.todo.some((todo) => todo.startsWith('Set the start command')));
    });

    it('extra CAs: needed, with their subjects, the parity-ca secret, not baked unless asked', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'), {
            installed: { node: '20.20.2' },
            extraCas: [
                {
                    origin: 'a',
                    via: 'b',
                    subject: 'CN=Corp',
                    issuer: 'CN=Corp',
                    fingerprint256: 'AA',
                    notAfter: '2030-01-01T00:00:00Z',
                },
            ],
        });
        assert.deepEqual(planFromSnapshot(snapshot, { projectRoot: ROOT }).ca, {
            needed: true,
            secretId: 'parity-ca',
            subjects: ['CN=Corp'],
            bakeIntoImage: false,
        });
        assert.equal(planFromSnapshot(snapshot, { projectRoot: ROOT, bakeCa: true }).ca.bakeIntoImage, true);
        const none = planFromSnapshot(await snapshotFor(exampleDir('hello-node')), { projectRoot: ROOT });
        assert.equal(none.ca.needed, false);
    });

    it('ruby has its own plan; java: a generic plan whose TODOs name the base image, the install and keep the start command', async () => {
        const ruby = planFromSnapshot(await snapshotFor(fixtureDir('ruby-rails')), { projectRoot: ROOT });
        assert.equal(ruby.ecosystem, 'ruby');
        assert.equal(ruby.base.image, 'ruby:3.3.0-slim-bookworm');
        assert.deepEqual(ruby.todo, []);
        assert.deepEqual(ruby.startCommand.value, ['bin/rails', 'server', '-b', '0.0.0.0']);
        const java = planFromSnapshot(await snapshotFor(fixtureDir('java-spring-maven')), { projectRoot: ROOT });
        assert.equal(java.ecosystem, 'java', 'Java has its own recipe');
        assert.equal(java.base.image, 'eclipse-temurin:21-jre');
    });

    it('an unknown project: a generic plan that asks for everything, and no crash', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'));
        const plan = planFromSnapshot(
            { ...snapshot, app: null, runtimes: {}, packageManagers: [], lockfiles: [] },
            { projectRoot: ROOT },
        );
        assert.equal(plan.ecosystem, 'generic');
        assert.deepEqual(plan.todo, [
            'Parity could not plan this app: no Node.js, Python, Go, Java or Ruby project was found here.',
            'Choose a base image that carries the runtime the app needs, and put it in FROM.',
            "Add the steps that install the app's dependencies, if it has any.",
            'Set the start command: CMD in the Dockerfile, or the start command when you review the plan.',
        ]);
    });

    it('an unsupported package manager falls back to the generic plan on the runtime image', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-python'), { installed: { python: '3.12.1' } });
        const plan = planFromSnapshot(
            {
                ...snapshot,
                packageManagers: [{ name: 'pdm', ecosystem: 'python', declared: null, evidence: 'lockfile' }],
            },
            { projectRoot: ROOT },
        );
        assert.equal(plan.ecosystem, 'generic');
        assert.equal(plan.base.image, 'python:3.12.1-slim-bookworm');
        assert.match(
            plan.todo[0] ?? '',
            /pdm \(lockfile\) installs this project's dependencies, and Parity has no pdm recipe yet/,
        );
    });
});
